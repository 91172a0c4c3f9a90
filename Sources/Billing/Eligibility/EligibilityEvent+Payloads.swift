extension EligibilityEvent {
    /// Payload of `eligibility.inquiry_sent`.
    public struct InquirySent: Codable, Sendable, Equatable {
        /// The SHA-256 of the 270 (its key in the PHI store), lower-case hex.
        public var sha256: String
        /// The file name written.
        public var fileName: String
        /// ISA13.
        public var interchangeControlNumber: Int
        /// The payer asked (our catalog id).
        public var payerID: PayerID
        /// One per patient.
        public var inquiries: [SentInquiry]

        /// A payload with every field.
        public init(sha256: String, fileName: String, interchangeControlNumber: Int, payerID: PayerID, inquiries: [SentInquiry]) {
            self.sha256 = sha256
            self.fileName = fileName
            self.interchangeControlNumber = interchangeControlNumber
            self.payerID = payerID
            self.inquiries = inquiries
        }
    }

    /// Payload of `eligibility.checked`: what one 271 said of one patient's coverage.
    public struct Checked: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The coverage asked about.
        public var coverageID: CoverageID
        /// The payer that answered (our catalog id).
        public var payerID: PayerID
        /// Our inquiry's trace, echoed by the 271.
        public var trace: String
        /// The date of service asked about.
        public var serviceDate: LocalDate
        /// Active, inactive, rejected or unknown.
        public var status: EligibilityStatus
        /// DTP 346/356 (plan or eligibility begin), or the start of DTP 291/307.
        public var coverageBegin: LocalDate?
        /// DTP 347/357 (plan or eligibility end), or the end of DTP 291/307.
        public var coverageEnd: LocalDate?
        /// EB05 of the active coverage, or REF*18/6P's description.
        public var planName: String?
        /// The behavioral-health benefits, by service type, network and setting.
        public var benefits: [BehavioralBenefit]
        /// Another payer named for the behavioral-health benefit, when the 271 names one.
        public var carveOut: CarveOut?
        /// AAA03 reject reasons (`72` invalid member id, `75` subscriber not found…).
        public var rejectReasons: [String]

        /// A payload with every field.
        public init(
            patientKey: PatientKey, coverageID: CoverageID, payerID: PayerID, trace: String, serviceDate: LocalDate, status: EligibilityStatus,
            coverageBegin: LocalDate? = nil, coverageEnd: LocalDate? = nil, planName: String? = nil, benefits: [BehavioralBenefit] = [],
            carveOut: CarveOut? = nil, rejectReasons: [String] = []
        ) {
            self.patientKey = patientKey
            self.coverageID = coverageID
            self.payerID = payerID
            self.trace = trace
            self.serviceDate = serviceDate
            self.status = status
            self.coverageBegin = coverageBegin
            self.coverageEnd = coverageEnd
            self.planName = planName
            self.benefits = benefits
            self.carveOut = carveOut
            self.rejectReasons = rejectReasons
        }

        /// Whether the coverage was in force on a date: active, and within its dates when the 271 gave them.
        public func covers(_ date: LocalDate) -> Bool {
            guard status == .active else { return false }
            if let begin = coverageBegin, date < begin { return false }
            if let end = coverageEnd, date > end { return false }
            return true
        }
    }

    /// Payload of `eligibility.carve_out_routed`.
    public struct CarveOutRouted: Codable, Sendable, Equatable {
        /// The patient.
        public var patientKey: PatientKey
        /// The payer on the card, which does not carry the behavioral-health benefit.
        public var fromPayerID: PayerID
        /// The carve-out payer (our catalog id) that becomes the coverage to bill for behavioral-health codes.
        public var toPayerID: PayerID
        /// The coverage to bill for behavioral-health codes: the carve-out payer, in the order and relation of the card's
        /// coverage. It lives here, not in the patient's stream, because it shares the order of the card's coverage
        /// (which still carries the medical benefits).
        public var coverage: Coverage
        /// The trace of the 271 that named the carve-out.
        public var trace: String

        /// A payload with every field.
        public init(patientKey: PatientKey, fromPayerID: PayerID, toPayerID: PayerID, coverage: Coverage, trace: String) {
            self.patientKey = patientKey
            self.fromPayerID = fromPayerID
            self.toPayerID = toPayerID
            self.coverage = coverage
            self.trace = trace
        }
    }

    /// Payload of `eligibility.policy_set`.
    public struct PolicySet: Codable, Sendable, Equatable {
        /// Days an eligibility check stays current (1 or more).
        public var days: Int

        /// A payload with every field.
        public init(days: Int) { self.days = days }
    }
}
