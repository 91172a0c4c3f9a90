/// The claim aggregate: built from one patient's sessions for one payer, scrubbed, submitted,
/// acknowledged or rejected, adjudicated, reversed, denied and worked, and closed. Stream `"claim-<id>"`.
public enum Claim {
    /// The stream id of a claim.
    public static func streamID(_ id: ClaimID) -> String { "claim-\(id.rawValue)" }

    /// Where the claim stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Not created.
        case none
        /// Created or corrected; needs a passing scrub, then submission.
        case draft
        /// Sent to the payer.
        case submitted
        /// Accepted into adjudication (277CA A2).
        case acknowledged
        /// Rejected by the clearinghouse or payer front end: fix and resubmit as an original.
        case rejected
        /// Adjudicated with nothing denied.
        case adjudicated
        /// Adjudicated with an open denial.
        case denied
        /// Patient responsibility moved to the next payer in the patient's coverage order (COB), to be scrubbed and
        /// submitted there, or, after a crossover, to wait for that payer's 835.
        case awaitingNextPayer
        /// Voided here; the payer adjudicated it, so a void (frequency 8, REF*F8) waits to be sent.
        case voidPending
        /// Voided: never adjudicated by the payer (nothing to send), or the void was sent.
        case voided
        /// Balance zero, nothing open.
        case closed
    }

    /// Where a line stands with the current payer.
    public enum LineStatus: String, Sendable, Hashable, Codable {
        /// Not adjudicated by the current payer.
        case open
        /// Adjudicated.
        case adjudicated
        /// Denied.
        case denied
    }

    /// A recorded adjudication and how it was posted.
    public struct AdjudicationRecord: Sendable, Hashable, Codable {
        /// What the payer said.
        public var adjudication: Adjudication
        /// How it moved money.
        public var posting: Posting
        /// The payer order that adjudicated.
        public var payerOrder: PayerOrder
        /// Where patient responsibility went.
        public var transferredTo: Responsible?
        /// True once reversed.
        public var reversed: Bool
    }

    /// The claim as known, with its money.
    public struct State: Sendable, Equatable {
        /// Status.
        public var status: Status = .none
        /// Claim id.
        public var claimID: ClaimID?
        /// Claim number (CLM01).
        public var claimNumber: ClaimNumber?
        /// Patient.
        public var patientKey: PatientKey?
        /// The payer currently billed.
        public var payerID: PayerID?
        /// The order of that payer.
        public var payerOrder: PayerOrder = .primary
        /// The payer first billed.
        public var primaryPayerID: PayerID?
        /// True while the claim waits for the 835 of a payer the previous payer forwarded it to (crossover):
        /// nothing is submitted to that payer.
        public var crossedOver = false
        /// Frequency of the next or last submission.
        public var frequency: ClaimFrequency = .original
        /// Diagnoses, principal first.
        public var diagnoses: [ICD10Code] = []
        /// Lines.
        public var lines: [ClaimLine] = []
        /// Line status with the current payer.
        public var lineStatus: [LineID: LineStatus] = [:]
        /// Authorization number sent as REF*G1.
        public var authorizationNumber: String?
        /// Units of that authorization this claim holds.
        public var authorizationUnitsHeld: Quantity = .zero
        /// 42 CFR Part 2 sensitivity.
        public var substanceUse = false
        /// Creation date.
        public var createdOn: LocalDate?
        /// First submission to the current payer.
        public var firstSubmittedOn: LocalDate?
        /// Findings of the last scrub.
        public var findings: [ScrubFinding] = []
        /// True when the last scrub is after the last change and found no error.
        public var readyToSubmit = false
        /// Payer claim number (ICN).
        public var payerClaimNumber: String?
        /// The payer's claim control number (CLP07) a replacement or void refers to (REF*F8).
        public var originalPayerClaimNumber: String?
        /// True once the payer accepted the void (277CA A1/A2).
        public var voidAcknowledged = false
        /// Adjudications in order, reversed ones included.
        public var adjudications: [AdjudicationRecord] = []
        /// Denials by id.
        public var denials: [DenialID: Denial] = [:]
        /// Lines flagged as underpaid against the contract.
        public var underpaidLines: Set<LineID> = []
        /// Next line sequence number.
        public var nextLineNumber = 1

        /// Total charges.
        public var charges: Money = .zero
        /// Insurance payments.
        public var insurancePaid: Money = .zero
        /// Patient payments.
        public var patientPaid: Money = .zero
        /// Posted adjustments.
        public var adjustments: Money = .zero
        /// Write-offs.
        public var writeOffs: Money = .zero
        /// Refunds to the patient.
        public var refunds: Money = .zero
        /// Owed by payers.
        public var insuranceBalance: Money = .zero
        /// Owed by the patient (negative: credit).
        public var patientBalance: Money = .zero

        /// Not created.
        public init() {}

        /// Insurance plus patient balance.
        public var balance: Money { insuranceBalance + patientBalance }

        /// Denials not yet resolved.
        public var openDenials: [Denial] {
            denials.values.filter { $0.status != .resolved }.sorted { $0.denialID < $1.denialID }
        }

        /// True when the void (frequency 8) was sent and is what the payer's acknowledgments answer.
        public var voidSent: Bool { status == .voided && frequency == .void }

        /// The payer claim number (CLP07) of the current payer's latest adjudication that stands (not reversed):
        /// what a replacement or void must name. Nil when that payer never adjudicated the claim.
        public var adjudicatedPayerClaimNumber: String? {
            adjudications.last { !$0.reversed && $0.adjudication.payerID == payerID }?.adjudication.payerClaimNumber
        }

        /// The earliest date of service.
        public var firstDateOfService: LocalDate? { lines.map(\.dateOfService).min() }

        /// Total units on the claim.
        public var totalUnits: Quantity { lines.reduce(.zero) { $0 + $1.units } }
    }

    /// Before creation.
    public static let initial = State()
}
