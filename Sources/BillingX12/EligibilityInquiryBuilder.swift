import Billing
import X12

/// Builds a 270 (005010X279A1) for one payer from patients' identities, pure: the caller supplies the control
/// number, the date and the identities read from the PHI store; each inquiry's trace is `<ISA13>-<n>` so that a
/// 271 names the interchange and the inquiry it answers.
public struct EligibilityInquiryBuilder: Sendable {
    /// One patient to ask about.
    public struct Subject: Sendable {
        /// The patient.
        public var patientKey: PatientKey
        /// The coverage asked about.
        public var coverageID: CoverageID
        /// The identity (name, date of birth, member id) from the PHI store.
        public var identity: PatientIdentity
        /// The date of service asked about.
        public var serviceDate: LocalDate

        /// A subject.
        public init(patientKey: PatientKey, coverageID: CoverageID, identity: PatientIdentity, serviceDate: LocalDate) {
            self.patientKey = patientKey
            self.coverageID = coverageID
            self.identity = identity
            self.serviceDate = serviceDate
        }
    }

    /// ISA06 (our sender id) and ISA08 (the clearinghouse or payer receiving 270s).
    public var senderID: String
    /// ISA08.
    public var receiverID: String
    /// The practice asking (loop 2100B): its name and NPI.
    public var practiceName: String
    /// NPI of the practice.
    public var practiceNPI: String
    /// TRN03: `1` and the practice's EIN.
    public var traceOriginator: String

    /// A builder.
    public init(senderID: String, receiverID: String, practiceName: String, practiceNPI: String, taxID: String) {
        self.senderID = senderID
        self.receiverID = receiverID
        self.practiceName = practiceName
        self.practiceNPI = practiceNPI
        let digits = taxID.filter(\.isNumber)
        traceOriginator = "1" + String((String(repeating: "0", count: 9) + digits).suffix(9))
    }

    /// The trace of the `index`th inquiry (from 1) of interchange `control`.
    public static func trace(control: Int, index: Int) -> String { "\(control)-\(index)" }

    /// The 270 for one payer, and the inquiries it carries as the log records them.
    public func build(
        payerName: String, x12PayerID: String, subjects: [Subject], control: Int, date: LocalDate, time: X12Time, usage: String = "P"
    ) throws(X12Error) -> (bytes: [UInt8], inquiries: [SentInquiry]) {
        var inquiries: [EligibilityInquiry] = []
        var sent: [SentInquiry] = []
        for (offset, subject) in subjects.enumerated() {
            let trace = Self.trace(control: control, index: offset + 1)
            let identity = subject.identity
            // Asked as the subscriber with the patient's own member id: a dependent with an id of their own is sent
            // in loop 2100C (005010X279A1 1.4.7); the subscriber's own name is not kept.
            let member = Member(
                name: PersonName(last: identity.lastName, first: identity.firstName), memberID: identity.memberID,
                birthDate: identity.dateOfBirth.x12Date)
            inquiries.append(
                EligibilityInquiry(
                    trace: trace, traceOriginator: traceOriginator, subscriber: member, serviceDate: DatePeriod(start: subject.serviceDate.x12Date),
                    serviceTypes: BehavioralServiceType.asked.map(\.rawValue)))
            sent.append(SentInquiry(trace: trace, patientKey: subject.patientKey, coverageID: subject.coverageID, serviceDate: subject.serviceDate))
        }
        let envelope = InterchangeEnvelope(
            senderID: senderID, receiverID: receiverID, date: date.x12Date, time: time, interchangeControlNumber: control, groupControlNumber: control,
            usage: usage)
        let batch = EligibilityInquiryBatch(
            envelope: envelope, reference: "ELIG-\(control)", source: InformationSource(name: payerName, id: x12PayerID),
            receiver: InformationReceiver(name: PersonName(last: practiceName), id: practiceNPI), inquiries: inquiries)
        return (try batch.x12(), sent)
    }
}
