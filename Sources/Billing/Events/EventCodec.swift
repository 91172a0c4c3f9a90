import Foundation

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
    /// The upcasters applied when reading older schema versions: the caller's, then the standard ones.
    public let upcasters: [Upcaster]

    /// Every upcaster the product needs to read its own log: the snake_case payloads of version 1 of the
    /// types whose keys became camelCase in version 2 (decision 0102).
    public static let standardUpcasters: [Upcaster] =
        Patient.upcasters + CompanyEvent.upcasters + RemittanceEvent.upcasters + TenantLifecycleEvent.upcasters + AccessEvent.upcasters

    /// The decoder of payloads, made once: a codec decodes every event a projection or a replay reads.
    private let decoder = JSONDecoder()

    /// A codec with the standard upcasters and, consulted first, any given ones.
    public init(upcasters: [Upcaster] = []) { self.upcasters = upcasters + Self.standardUpcasters }

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
        case .company(let e): try encode(e)
        case .remittance(let e): try encode(e)
        case .directory(let e): try encode(e)
        case .interchange(let e): try encode(e)
        case .tenant(let e): try encode(e)
        case .access(let e): try encode(e)
        case .identity(let e): try encode(e)
        case .eligibility(let e): try encode(e)
        case .claimStatus(let e): try encode(e)
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
        switch eventType.prefix(while: { $0 != "." }) {
        case "practice": return .practice(try decode(Practice.Event.self, eventType, schemaVersion, payload))
        case "patient": return .patient(try decode(Patient.Event.self, eventType, schemaVersion, payload))
        case "session": return .session(try decode(Session.Event.self, eventType, schemaVersion, payload))
        case "claim", "denial": return .claim(try decode(Claim.Event.self, eventType, schemaVersion, payload))
        case "account": return .account(try decode(PatientAccount.Event.self, eventType, schemaVersion, payload))
        case "company": return .company(try decode(CompanyEvent.self, eventType, schemaVersion, payload))
        case "remittance": return .remittance(try decode(RemittanceEvent.self, eventType, schemaVersion, payload))
        case "directory": return .directory(try decode(DirectoryEvent.self, eventType, schemaVersion, payload))
        case "x12": return .interchange(try decode(InterchangeEvent.self, eventType, schemaVersion, payload))
        case "tenant": return .tenant(try decode(TenantLifecycleEvent.self, eventType, schemaVersion, payload))
        case "access": return .access(try decode(AccessEvent.self, eventType, schemaVersion, payload))
        case "identity": return .identity(try decode(IdentityEvent.self, eventType, schemaVersion, payload))
        case "eligibility": return .eligibility(try decode(EligibilityEvent.self, eventType, schemaVersion, payload))
        case "status": return .claimStatus(try decode(ClaimStatusEvent.self, eventType, schemaVersion, payload))
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
            return try E.decode(eventType: eventType, payload: data, with: decoder)
        } catch let error as EventCodecError {
            throw error
        } catch {
            throw EventCodecError("Payload of \(eventType) v\(schemaVersion) does not decode")
        }
    }
}
