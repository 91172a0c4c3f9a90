import Billing
import X12

/// One claim command an acknowledgment asks for, with the key that makes it count once.
public struct AcknowledgmentCommand: Sendable, Equatable {
    /// The claim stream.
    public var claimID: ClaimID
    /// CLM01.
    public var claimNumber: ClaimNumber
    /// `.acknowledge` or `.reject`.
    public var command: Claim.Command
    /// Unique per claim and acknowledgment (kind, control numbers, status codes): store it with the event and
    /// skip a command whose key was already recorded.
    public var dedupeKey: String
}

/// An acknowledgment of a claim that changes nothing: already applied, a status that is not an action, or a
/// claim the lookup does not know.
public struct AcknowledgmentNote: Sendable, Hashable {
    /// CLM01 as the acknowledgment names it.
    public var claimNumber: String
    /// STC category (or `999`), status code and entity, codes only.
    public var codes: String
    /// Why nothing is applied.
    public var reason: String
    /// The dedupe key the acknowledgment would have had.
    public var dedupeKey: String
}

/// What a 999 says about our submitted transaction sets.
public struct ImplementationAcknowledgmentPlan: Sendable, Equatable {
    /// One entry per AK2.
    public var sets: [SetOutcome]
    /// `.reject` commands for the claims of rejected sets.
    public var commands: [AcknowledgmentCommand]
    /// Claims of rejected sets that were not changed, with the reason.
    public var notes: [AcknowledgmentNote]
    /// AK9: the group result code (`A`, `E`, `P`, `R`).
    public var groupResult: String

    /// One transaction set's answer.
    public struct SetOutcome: Sendable, Equatable {
        /// AK102: the GS06 we sent.
        public var groupControlNumber: String
        /// AK202: the ST02 we sent.
        public var transactionControlNumber: String
        /// IK501.
        public var result: String
        /// `A` or `E`.
        public var accepted: Bool
        /// IK3/IK4 errors as codes (no copies of bad values, which may be PHI).
        public var errors: [String]
        /// The claims we sent in that set, from the manifest; empty when the set is unknown.
        public var claimNumbers: [String]
        /// False when no manifest has this group and set control number.
        public var matched: Bool
    }
}

/// What a 277CA says, claim by claim.
public struct ClaimAcknowledgmentPlan: Sendable, Equatable {
    /// BHT03 of the 277CA.
    public var reference: String
    /// TRN*2 at the receiver level: the 837 BHT03 batch references it answers.
    public var batchReferences: [String]
    /// `.acknowledge` and `.reject` commands in file order, at most one per claim.
    public var commands: [AcknowledgmentCommand]
    /// Statuses that change nothing, with the reason.
    public var notes: [AcknowledgmentNote]
}
