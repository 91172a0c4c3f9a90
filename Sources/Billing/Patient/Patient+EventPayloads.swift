extension Patient.Event {
    /// Payload of `patient.registered`.
    public struct Registered: Codable, Sendable, Equatable {
        /// The pseudonymous key.
        public var patientKey: PatientKey
        /// Salted hash of the identity record kept outside the log.
        public var identityDigest: String
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            identityDigest: String,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.identityDigest = identityDigest
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `patient.coverage_recorded`.
    public struct CoverageRecorded: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The coverage.
        public var coverage: Coverage
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            coverage: Coverage,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.coverage = coverage
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `patient.authorization_recorded`.
    public struct AuthorizationRecorded: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The authorization (nothing consumed).
        public var authorization: Authorization
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            authorization: Authorization,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.authorization = authorization
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `patient.authorization_units_consumed`.
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

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            number: String,
            units: Quantity,
            claimID: ClaimID,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.number = number
            self.units = units
            self.claimID = claimID
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `patient.substance_use_flagged`.
    public struct Flagged: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// Business date.
        public var effectiveDate: LocalDate

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            effectiveDate: LocalDate
        ) {
            self.patientKey = patientKey
            self.effectiveDate = effectiveDate
        }
    }

    /// Payload of `patient.identity_forgotten` (version 2): what was destroyed or redacted, and where.
    public struct Forgotten: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// Business date of the destruction.
        public var effectiveDate: LocalDate
        /// Every record destroyed or redacted, by store and key.
        public var destroyed: [Patient.DestroyedRecord]

        /// A payload with every field.
        public init(
            patientKey: PatientKey,
            effectiveDate: LocalDate,
            destroyed: [Patient.DestroyedRecord]
        ) {
            self.patientKey = patientKey
            self.effectiveDate = effectiveDate
            self.destroyed = destroyed
        }
    }
}
