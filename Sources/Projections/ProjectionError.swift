/// A failure of a projection, a rebuild or a report. The description names what went wrong and never
/// holds payload contents (they may be PHI-adjacent).
public struct ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Equatable, Sendable {
        case malformedPayload
        case unknownProjection(String)
        case unknownTenant(String)
        case unknownClaim(String)
        case unsupported(String)
        case injected
    }

    private let kind: Kind

    /// A payload that does not have the shape its type and schema version promise.
    public static let malformedPayload = ProjectionError(kind: .malformedPayload)
    /// A fault injected by a test between the table writes and the checkpoint.
    public static let injected = ProjectionError(kind: .injected)

    /// No projection has this name.
    public static func unknownProjection(_ name: String) -> ProjectionError { .init(kind: .unknownProjection(name)) }
    /// No tenant this login may see has this slug or id.
    public static func unknownTenant(_ name: String) -> ProjectionError { .init(kind: .unknownTenant(name)) }
    /// No claim has this id or number in the tenant.
    public static func unknownClaim(_ name: String) -> ProjectionError { .init(kind: .unknownClaim(name)) }
    /// The request is not supported (with a sentence saying why).
    public static func unsupported(_ why: String) -> ProjectionError { .init(kind: .unsupported(why)) }

    /// A sentence for the person at the terminal.
    public var description: String {
        switch kind {
        case .malformedPayload: "an event payload does not have the shape its type promises"
        case .unknownProjection(let name): "there is no projection named \(name) (known: \(Projections.names.joined(separator: ", ")))"
        case .unknownTenant(let name): "no practice named \(name) is visible to this login"
        case .unknownClaim(let name): "no claim \(name) in this practice"
        case .unsupported(let why): why
        case .injected: "a fault was injected after the table writes"
        }
    }
}
