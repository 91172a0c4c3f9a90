import Foundation

extension Patient {
    /// Facts about a patient; none carries a name, date of birth, address, phone or member id.
    public enum Event: StoredEvent {
        /// `patient.registered`
        case registered(Registered)
        /// `patient.coverage_recorded`
        case coverageRecorded(CoverageRecorded)
        /// `patient.authorization_recorded`
        case authorizationRecorded(AuthorizationRecorded)
        /// `patient.authorization_units_consumed`
        case authorizationUnitsConsumed(AuthorizationUnits)
        /// `patient.authorization_units_released`
        case authorizationUnitsReleased(AuthorizationUnits)
        /// `patient.substance_use_flagged`
        case substanceUseFlagged(Flagged)
        /// `patient.identity_forgotten`
        case identityForgotten(Forgotten)

        /// Payload of `patient.registered`.
        public struct Registered: Codable, Sendable, Equatable {
            /// The pseudonymous key.
            public var patientKey: PatientKey
            /// Salted hash of the identity record kept outside the log.
            public var identityDigest: String
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `patient.coverage_recorded`.
        public struct CoverageRecorded: Codable, Sendable, Equatable {
            /// The patient.
            public var patientKey: PatientKey
            /// The coverage.
            public var coverage: Coverage
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `patient.authorization_recorded`.
        public struct AuthorizationRecorded: Codable, Sendable, Equatable {
            /// The patient.
            public var patientKey: PatientKey
            /// The authorization (nothing consumed).
            public var authorization: Authorization
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `patient.authorization_units_consumed` and `…_released`.
        public struct AuthorizationUnits: Codable, Sendable, Equatable {
            /// The patient.
            public var patientKey: PatientKey
            /// The authorization number.
            public var number: String
            /// Units consumed or released.
            public var units: Quantity
            /// The claim that caused it.
            public var claimID: ClaimID
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `patient.substance_use_flagged`.
        public struct Flagged: Codable, Sendable, Equatable {
            /// The patient.
            public var patientKey: PatientKey
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `patient.identity_forgotten`.
        public struct Forgotten: Codable, Sendable, Equatable {
            /// The patient.
            public var patientKey: PatientKey
            /// Business date of the destruction.
            public var effectiveDate: LocalDate
        }

        /// Every type name of the family.
        public static let eventTypes = [
            "patient.registered", "patient.coverage_recorded", "patient.authorization_recorded",
            "patient.authorization_units_consumed", "patient.authorization_units_released",
            "patient.substance_use_flagged", "patient.identity_forgotten",
        ]

        /// The stored type name.
        public var eventType: String {
            switch self {
            case .registered: "patient.registered"
            case .coverageRecorded: "patient.coverage_recorded"
            case .authorizationRecorded: "patient.authorization_recorded"
            case .authorizationUnitsConsumed: "patient.authorization_units_consumed"
            case .authorizationUnitsReleased: "patient.authorization_units_released"
            case .substanceUseFlagged: "patient.substance_use_flagged"
            case .identityForgotten: "patient.identity_forgotten"
            }
        }

        /// The JSON payload.
        public func encodePayload(with encoder: JSONEncoder) throws -> Data {
            switch self {
            case .registered(let p): try encodeJSON(p, encoder)
            case .coverageRecorded(let p): try encodeJSON(p, encoder)
            case .authorizationRecorded(let p): try encodeJSON(p, encoder)
            case .authorizationUnitsConsumed(let p), .authorizationUnitsReleased(let p): try encodeJSON(p, encoder)
            case .substanceUseFlagged(let p): try encodeJSON(p, encoder)
            case .identityForgotten(let p): try encodeJSON(p, encoder)
            }
        }

        /// Decodes a current-version payload.
        public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
            switch eventType {
            case "patient.registered": .registered(try decodeJSON(Registered.self, d, j))
            case "patient.coverage_recorded": .coverageRecorded(try decodeJSON(CoverageRecorded.self, d, j))
            case "patient.authorization_recorded": .authorizationRecorded(try decodeJSON(AuthorizationRecorded.self, d, j))
            case "patient.authorization_units_consumed":
                .authorizationUnitsConsumed(try decodeJSON(AuthorizationUnits.self, d, j))
            case "patient.authorization_units_released":
                .authorizationUnitsReleased(try decodeJSON(AuthorizationUnits.self, d, j))
            case "patient.substance_use_flagged": .substanceUseFlagged(try decodeJSON(Flagged.self, d, j))
            case "patient.identity_forgotten": .identityForgotten(try decodeJSON(Forgotten.self, d, j))
            default: throw unknownEventType(eventType)
            }
        }
    }
}
