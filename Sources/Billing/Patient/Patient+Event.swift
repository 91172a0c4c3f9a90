import Foundation

extension Patient {
    /// Facts about a patient; none carries a name, date of birth, address, phone or member id.
    public enum Event: StoredEvent {
        /// `patient.registered`: the patient was registered.
        case registered(Registered)
        /// `patient.coverage_recorded`: a coverage was recorded.
        case coverageRecorded(CoverageRecorded)
        /// `patient.authorization_recorded`: an authorization was recorded.
        case authorizationRecorded(AuthorizationRecorded)
        /// `patient.authorization_units_consumed`: a submitted claim consumed units.
        case authorizationUnitsConsumed(AuthorizationUnits)
        /// `patient.authorization_units_released`: a denial or void released units.
        case authorizationUnitsReleased(AuthorizationUnits)
        /// `patient.substance_use_flagged`: the record holds substance-use treatment (42 CFR Part 2).
        case substanceUseFlagged(Flagged)
        /// `patient.identity_forgotten`: the identity record was destroyed.
        case identityForgotten(Forgotten)

        /// Every type name of the family.
        public static let eventTypes = [
            "patient.registered",
            "patient.coverage_recorded",
            "patient.authorization_recorded",
            "patient.authorization_units_consumed",
            "patient.authorization_units_released",
            "patient.substance_use_flagged",
            "patient.identity_forgotten",
        ]

        /// Version 2 of `patient.identity_forgotten` lists what was destroyed and where.
        public static var schemaVersions: [String: Int] { ["patient.identity_forgotten": 2] }

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
            case .authorizationUnitsConsumed(let p): try encodeJSON(p, encoder)
            case .authorizationUnitsReleased(let p): try encodeJSON(p, encoder)
            case .substanceUseFlagged(let p): try encodeJSON(p, encoder)
            case .identityForgotten(let p): try encodeJSON(p, encoder)
            }
        }

        /// Decodes a current-version payload.
        public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
            switch eventType {
            case "patient.registered": .registered(try decodeJSON(Registered.self, d, j))
            case "patient.coverage_recorded": .coverageRecorded(try decodeJSON(CoverageRecorded.self, d, j))
            case "patient.authorization_recorded":
                .authorizationRecorded(try decodeJSON(AuthorizationRecorded.self, d, j))
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
