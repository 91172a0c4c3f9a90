import Billing
import X12

/// Who sends an 837P and to whom: the billing company (submitter, ETIN, ISA sender) and the clearinghouse
/// or payer receiving it. None of it is PHI.
public struct SubmissionParties: Sendable, Hashable {
    /// Loop 1000A: the submitter's name, ETIN and contact.
    public var submitter: ProfessionalClaimInterchange.Submitter
    /// Loop 1000B: the receiver's name and id.
    public var receiver: ProfessionalClaimInterchange.Receiver
    /// ISA05.
    public var senderQualifier: String
    /// ISA06 (at most 15 characters).
    public var senderID: String
    /// ISA07.
    public var receiverQualifier: String
    /// ISA08 (at most 15 characters).
    public var receiverID: String
    /// ISA15: `P` production or `T` test.
    public var usage: String

    /// The parties of a submission.
    public init(
        submitter: ProfessionalClaimInterchange.Submitter, receiver: ProfessionalClaimInterchange.Receiver,
        senderQualifier: String = "ZZ", senderID: String, receiverQualifier: String = "ZZ", receiverID: String,
        usage: String = "P"
    ) {
        self.submitter = submitter
        self.receiver = receiver
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.usage = usage
    }
}

/// The control numbers, date and time of one 837P batch, chosen by the caller (unique per sender and
/// recorded in events); nothing here reads a clock.
public struct SubmissionControl: Sendable, Hashable, Codable {
    /// ISA13.
    public var interchangeControlNumber: Int
    /// GS06.
    public var groupControlNumber: Int
    /// ST02.
    public var transactionControlNumber: String
    /// BHT03: echoed by the 277CA at the receiver level.
    public var batchReference: String
    /// ISA09/GS04/BHT04.
    public var date: X12Date
    /// ISA10/GS05/BHT05.
    public var time: X12Time

    /// Control numbers for a batch.
    public init(
        interchangeControlNumber: Int, groupControlNumber: Int, transactionControlNumber: String,
        batchReference: String, date: X12Date, time: X12Time
    ) {
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.transactionControlNumber = transactionControlNumber
        self.batchReference = batchReference
        self.date = date
        self.time = time
    }
}

/// The practice's billing provider as loop 2010AA carries it: the group (or solo clinician) that is paid.
/// The billing domain keeps NPIs and taxonomies of clinicians; the group's name, tax id and address are
/// configuration the caller supplies.
public struct BillingProviderIdentity: Sendable, Hashable {
    /// NM102: `2` organisation, `1` person.
    public var entityType: String
    /// NM103 (organisation name or last name) and NM104.
    public var name: PersonName
    /// NM109: the billing NPI (type 2 for a group).
    public var npi: String
    /// REF*EI: the employer identification number.
    public var taxID: String
    /// PRV*BI taxonomy.
    public var taxonomy: String?
    /// N3/N4: a street address with a 9-digit ZIP.
    public var address: Address

    /// A billing provider.
    public init(
        entityType: String = "2", name: PersonName, npi: String, taxID: String, taxonomy: String? = nil,
        address: Address
    ) {
        self.entityType = entityType
        self.name = name
        self.npi = npi
        self.taxID = taxID
        self.taxonomy = taxonomy
        self.address = address
    }
}

/// One claim to send with what the claim stream does not hold: the patient's coverage with this payer and
/// the identities from the PHI store (never from the event log).
public struct ClaimSubmission: Sendable, Equatable {
    /// The claim as replayed from its stream.
    public var claim: Claim.State
    /// The patient's coverage with the claim's payer (relation decides whether loop 2000C is written).
    public var coverage: Coverage
    /// The patient's identity (names, date of birth, address, member id).
    public var patient: PatientIdentity
    /// The subscriber's identity when the patient is a dependent (`coverage.relation != .self`).
    public var subscriber: PatientIdentity?
    /// SBR03: group or policy number, when the card has one.
    public var groupNumber: String?
    /// REF*F8 for frequency 7/8; defaults to the payer claim number the claim recorded.
    public var originalPayerClaimNumber: String?
    /// The patient's coverages with the payers that adjudicated before (COB), for loop 2320's SBR02 and 2330A.
    public var earlierCoverages: [Coverage]
    /// The patient's coverages later in the order on the date of service (COB): listed in loop 2320 without
    /// adjudication, as the guide requires when other payers are known to be involved (so a primary can cross over).
    public var laterCoverages: [Coverage]

    /// A claim to submit.
    public init(
        claim: Claim.State, coverage: Coverage, patient: PatientIdentity, subscriber: PatientIdentity? = nil,
        groupNumber: String? = nil, originalPayerClaimNumber: String? = nil, earlierCoverages: [Coverage] = [],
        laterCoverages: [Coverage] = []
    ) {
        self.earlierCoverages = earlierCoverages
        self.laterCoverages = laterCoverages
        self.claim = claim
        self.coverage = coverage
        self.patient = patient
        self.subscriber = subscriber
        self.groupNumber = groupNumber
        self.originalPayerClaimNumber = originalPayerClaimNumber
    }
}
