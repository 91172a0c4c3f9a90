import Foundation

/// Reads of PHI, in the tenant's log (stream `access`, appended through `rcm.record_access` so that an
/// auditor may record its own reads): who is in the metadata and the row's `db_user`; what, why and
/// whether it is a 42 CFR Part 2 record here.
public enum AccessEvent: StoredEvent {
    /// `access.phi_viewed`: a command showed PHI.
    case phiViewed(PHIViewed)

    /// The stream of access events.
    public static let streamID = "access"

    /// Every type name of the family.
    public static let eventTypes = ["access.phi_viewed"]

    /// Version 2 wrote `patientKey` where version 1 wrote `patient_key`.
    public static var schemaVersions: [String: Int] { ["access.phi_viewed": 2] }

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .phiViewed: "access.phi_viewed"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .phiViewed(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "access.phi_viewed": .phiViewed(try decodeJSON(PHIViewed.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }

    /// Version 1 to 2 of `access.phi_viewed`: `patient_key` became `patientKey`.
    public static let upcasters: [Upcaster] = [
        .typed("access.phi_viewed", from: 1, reading: PHIViewedV1.self) {
            PHIViewed(record: $0.record, purpose: $0.purpose, sensitive: $0.sensitive, patientKey: $0.patientKey)
        }
    ]
}

extension AccessEvent {
    /// Payload of `access.phi_viewed` (version 2): a record reference and a pseudonymous key, never the PHI shown.
    public struct PHIViewed: Codable, Sendable, Equatable {
        /// What was shown: `patient:<key>`, `claim:<claim id>`, `document:<id>`, ….
        public var record: String
        /// Why (the purpose the user gave, or the document kind).
        public var purpose: String
        /// Whether the record is a 42 CFR Part 2 (substance-use) record.
        public var sensitive: Bool
        /// The patient's pseudonymous key, when the record names one.
        public var patientKey: PatientKey?

        /// A payload with every field.
        public init(record: String, purpose: String, sensitive: Bool, patientKey: PatientKey?) {
            self.record = record
            self.purpose = purpose
            self.sensitive = sensitive
            self.patientKey = patientKey
        }
    }

    /// `access.phi_viewed` version 1, as `AccessLog` wrote it with `JSONSerialization`.
    struct PHIViewedV1: Decodable {
        var record: String
        var purpose: String
        var sensitive: Bool
        var patientKey: PatientKey?

        enum CodingKeys: String, CodingKey {
            case record
            case purpose
            case sensitive
            case patientKey = "patient_key"
        }
    }
}
