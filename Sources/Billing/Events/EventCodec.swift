import Foundation

/// Any event of the billing domain, as one value the event log can store.
public enum BillingEvent: Sendable, Equatable {
    /// A practice event (`practice.*`).
    case practice(Practice.Event)
    /// A patient event (`patient.*`).
    case patient(Patient.Event)
    /// A session event (`session.*`).
    case session(Session.Event)
    /// A claim event (`claim.*`, `denial.*`).
    case claim(Claim.Event)
    /// A patient-account event (`account.*`).
    case account(PatientAccount.Event)

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .practice(let e): e.eventType
        case .patient(let e): e.eventType
        case .session(let e): e.eventType
        case .claim(let e): e.eventType
        case .account(let e): e.eventType
        }
    }

    /// Every type name of every family, for documentation and drift checks.
    public static var allEventTypes: [String] {
        Practice.Event.eventTypes + Patient.Event.eventTypes + Session.Event.eventTypes
            + Claim.Event.eventTypes + PatientAccount.Event.eventTypes
    }
}

/// An event as the log stores it: type name, schema version and JSON payload (for a `jsonb` column).
public struct EncodedEvent: Sendable, Equatable {
    /// The type name, e.g. `"claim.submitted"`.
    public let eventType: String
    /// The payload's schema version.
    public let schemaVersion: Int
    /// The JSON payload, keys sorted.
    public let payload: Data

    /// An encoded event.
    public init(eventType: String, schemaVersion: Int, payload: Data) {
        self.eventType = eventType
        self.schemaVersion = schemaVersion
        self.payload = payload
    }
}

/// Rewrites a payload of `fromVersion` into version `fromVersion + 1` of the same type.
public struct Upcaster: Sendable {
    /// The type name it applies to.
    public let eventType: String
    /// The version it reads.
    public let fromVersion: Int
    /// The rewrite from `fromVersion` JSON to `fromVersion + 1` JSON.
    public let upcast: @Sendable (Data) throws -> Data

    /// An upcaster for one type and version.
    public init(eventType: String, fromVersion: Int, upcast: @escaping @Sendable (Data) throws -> Data) {
        self.eventType = eventType
        self.fromVersion = fromVersion
        self.upcast = upcast
    }
}

/// Turns billing events into `(eventType, schemaVersion, payload)` and back, upcasting old versions.
public struct EventCodec: Sendable {
    /// The upcasters applied when reading older schema versions.
    public let upcasters: [Upcaster]

    /// A codec with the given upcasters (none are needed while every type is at version 1).
    public init(upcasters: [Upcaster] = []) { self.upcasters = upcasters }

    /// The encoder for payloads: sorted keys, dates as `"YYYY-MM-DD"` strings (our own types), money as strings.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes any billing event.
    public func encode(_ event: BillingEvent) throws -> EncodedEvent {
        switch event {
        case .practice(let e): try encode(e)
        case .patient(let e): try encode(e)
        case .session(let e): try encode(e)
        case .claim(let e): try encode(e)
        case .account(let e): try encode(e)
        }
    }

    /// Encodes an event of one family.
    public func encode<E: StoredEvent>(_ event: E) throws -> EncodedEvent {
        EncodedEvent(
            eventType: event.eventType, schemaVersion: event.schemaVersion,
            payload: try event.encodePayload(with: Self.makeEncoder()))
    }

    /// Decodes a stored event, first upcasting its payload to the current schema version.
    public func decode(eventType: String, schemaVersion: Int, payload: Data) throws -> BillingEvent {
        let family = eventType.split(separator: ".").first.map(String.init) ?? ""
        switch family {
        case "practice": return .practice(try decode(Practice.Event.self, eventType, schemaVersion, payload))
        case "patient": return .patient(try decode(Patient.Event.self, eventType, schemaVersion, payload))
        case "session": return .session(try decode(Session.Event.self, eventType, schemaVersion, payload))
        case "claim", "denial": return .claim(try decode(Claim.Event.self, eventType, schemaVersion, payload))
        case "account": return .account(try decode(PatientAccount.Event.self, eventType, schemaVersion, payload))
        default: throw unknownEventType(eventType)
        }
    }

    /// Decodes a stored event of a known family.
    public func decode<E: StoredEvent>(
        _ family: E.Type, _ eventType: String, _ schemaVersion: Int, _ payload: Data
    ) throws -> E {
        guard E.eventTypes.contains(eventType) else { throw unknownEventType(eventType) }
        let current = E.schemaVersion(of: eventType)
        guard schemaVersion <= current, schemaVersion >= 1 else {
            throw EventCodecError("\(eventType) schema version \(schemaVersion) is not known (current \(current))")
        }
        var data = payload
        for version in schemaVersion..<current {
            guard let upcaster = upcasters.first(where: { $0.eventType == eventType && $0.fromVersion == version })
            else { throw EventCodecError("No upcaster for \(eventType) from version \(version)") }
            data = try upcaster.upcast(data)
        }
        do {
            return try E.decode(eventType: eventType, payload: data, with: JSONDecoder())
        } catch let error as EventCodecError {
            throw error
        } catch {
            throw EventCodecError("Payload of \(eventType) v\(schemaVersion) does not decode")
        }
    }
}
