import Foundation

extension Patient {
    /// One record a patient forget destroyed or redacted, and the store it was in; never its content.
    public struct DestroyedRecord: Codable, Sendable, Equatable {
        /// What happened to the record.
        public enum Action: String, Codable, Sendable {
            /// The row is gone (the identity and its salt).
            case deleted
            /// The row stays with the patient's identifiers taken out (a raw X12 file that mentioned them).
            case redacted
        }

        /// The store, as `schema.table` (`rcm_phi.patient_identities`, `rcm_phi.x12_files`).
        public var store: String
        /// The record's key in that store: the patient key, or a file's SHA-256.
        public var record: String
        /// Deleted or redacted.
        public var action: Action

        /// A record.
        public init(store: String, record: String, action: Action) {
            self.store = store
            self.record = record
            self.action = action
        }
    }

    /// `patient.identity_forgotten` version 1: the key and the date; the identity row was deleted.
    struct ForgottenV1: Decodable, Sendable {
        var patientKey: PatientKey
        var effectiveDate: LocalDate
    }

    /// Version 1 to 2 of `patient.identity_forgotten`: version 1 deleted the identity row only.
    static let upcasters: [Upcaster] = [
        .typed("patient.identity_forgotten", from: 1, reading: ForgottenV1.self) {
            Event.Forgotten(
                patientKey: $0.patientKey, effectiveDate: $0.effectiveDate,
                destroyed: [DestroyedRecord(store: "rcm_phi.patient_identities", record: $0.patientKey.rawValue, action: .deleted)])
        }
    ]
}
