/// Why the event store refused an append or a read. Descriptions name streams, tenants and versions,
/// never payload content.
public enum EventStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stream was not at the version the appender expected; nothing was appended.
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int64)
    /// The tenant has no log (it was never onboarded).
    case unknownTenant(TenantID)
    /// The login may not write to (or read) this tenant.
    case notPermitted(TenantID)
    /// The request itself is malformed (empty, or an event names a stream the request does not list).
    case invalidRequest(String)
    /// A stored event could not be upcast to the current shape.
    case upcastFailed(eventType: String, schemaVersion: Int, position: Int64)

    /// A sentence for a person.
    public var description: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            "wrong expected version for stream \(stream): expected \(expected), actual \(actual == 0 ? "no stream" : String(actual))"
        case .unknownTenant(let tenant): "tenant \(tenant) has no log; onboard it first"
        case .notPermitted(let tenant): "this login may not use tenant \(tenant)"
        case .invalidRequest(let reason): "invalid append: \(reason)"
        case .upcastFailed(let type, let version, let position):
            "event \(type) v\(version) at position \(position) could not be upcast"
        }
    }
}
