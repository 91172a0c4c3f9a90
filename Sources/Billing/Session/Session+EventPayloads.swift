extension Session.Event {
    /// Payload of `session.logged`.
    public struct Logged: Codable, Sendable, Equatable {
        /// The record.
        public var record: SessionRecord
        /// 42 CFR Part 2 sensitivity.
        public var substanceUse: Bool
        /// Business date (the date of service).
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            record: SessionRecord,
            substanceUse: Bool,
            effectiveDate: LocalDate
        ) {
            self.record = record
            self.substanceUse = substanceUse
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `session.corrected`.
    public struct Corrected: Codable, Sendable, Equatable {
        /// The corrected record.
        public var record: SessionRecord
        /// Why.
        public var reason: String
        /// 42 CFR Part 2 sensitivity.
        public var substanceUse: Bool
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            record: SessionRecord,
            reason: String,
            substanceUse: Bool,
            effectiveDate: LocalDate
        ) {
            self.record = record
            self.reason = reason
            self.substanceUse = substanceUse
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `session.voided`.
    public struct Voided: Codable, Sendable, Equatable {
        /// The session.
        public var sessionID: SessionID
        /// The patient.
        public var patientKey: PatientKey
        /// Why.
        public var reason: String
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            sessionID: SessionID,
            patientKey: PatientKey,
            reason: String,
            effectiveDate: LocalDate
        ) {
            self.sessionID = sessionID
            self.patientKey = patientKey
            self.reason = reason
            self.effectiveDate = effectiveDate
        }
    }
}
