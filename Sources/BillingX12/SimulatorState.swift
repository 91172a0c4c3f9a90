import Foundation
import X12

/// What the simulated payers remember from one run to the next (`rcm simulate payer … --state FILE`): their
/// number sequences, the claims they mean to reverse or recoup, the balances they carry forward, and how much of
/// each member's deductible is left. Plain JSON; it holds payments with patient names (a reversal repeats them),
/// so it is kept like the answers themselves, as PHI.
public struct SimulatorState: Sendable, Hashable, Codable {
    /// The layout of this file; a state of another layout is refused, never guessed at.
    public static let currentVersion = 1

    /// The layout this state was written with.
    public var version: Int
    /// Runs answered so far: a run is one call of `respond` (one `rcm simulate payer`).
    public var runs: Int
    /// Each payer's book, by the payer id claims are sent to.
    public var payers: [String: PayerBook]
    /// Deductible still to meet, in cents, by payer and member.
    public var deductibleLeft: [String: Int64]
    /// ISA07/ISA08 of the 835s: the submitter of the last claims answered (a run without claims still has
    /// someone to pay).
    public var receiverQualifier: String?
    /// ISA08.
    public var receiverID: String?

    /// A fresh state: no run yet.
    public init() {
        version = Self.currentVersion
        runs = 0
        payers = [:]
        deductibleLeft = [:]
    }

    /// A state read from its JSON; throws when the JSON is not a state of this layout.
    public init(json bytes: [UInt8]) throws {
        let state = try JSONDecoder().decode(SimulatorState.self, from: Data(bytes))
        guard state.version == Self.currentVersion else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "simulator state version \(state.version), expected \(Self.currentVersion)"))
        }
        self = state
    }

    /// The JSON, keys sorted so that the same state always gives the same bytes.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return [UInt8](try encoder.encode(self))
    }

    /// Every action still pending, across payers.
    public var pending: [PendingAction] { payers.keys.sorted().flatMap { payers[$0]!.pending } }
}

/// One payer's memory: its sequences, the payments it may come back to, what it still means to do, and the
/// balances it carries forward per payee.
public struct PayerBook: Sendable, Hashable, Codable {
    /// The name the payer was first seen under (a synthesized payer keeps it).
    public var name: String?
    /// Payer claim control numbers handed out.
    public var claimSequence: Int
    /// Checks written or EFTs sent.
    public var paymentSequence: Int
    /// Non-payment 835s (TRN02 of a zero payment).
    public var notificationSequence: Int
    /// Payments the payer will come back to (a reversal or a recoupment is pending on them), by payer claim
    /// control number.
    public var payments: [String: PaidClaim]
    /// What the payer will do in a later run.
    public var pending: [PendingAction]
    /// Money a payee owes the payer, carried forward with PLB FB, by payee (NPI and tax id).
    public var forwardBalances: [String: ForwardBalance]
    /// Claims the payer denied and would look at again on appeal, by payer claim control number.
    public var denied: [String: DeniedClaim]

    /// An empty book.
    public init(name: String? = nil) {
        self.name = name
        claimSequence = 0
        paymentSequence = 0
        notificationSequence = 0
        payments = [:]
        pending = []
        forwardBalances = [:]
        denied = [:]
    }

    /// A book from its JSON; a state written before payers remembered denials has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        claimSequence = try container.decode(Int.self, forKey: .claimSequence)
        paymentSequence = try container.decode(Int.self, forKey: .paymentSequence)
        notificationSequence = try container.decode(Int.self, forKey: .notificationSequence)
        payments = try container.decode([String: PaidClaim].self, forKey: .payments)
        pending = try container.decode([PendingAction].self, forKey: .pending)
        forwardBalances = try container.decode([String: ForwardBalance].self, forKey: .forwardBalances)
        denied = try container.decodeIfPresent([String: DeniedClaim].self, forKey: .denied) ?? [:]
    }
}

/// A claim payment the payer made and may reverse or recoup later.
public struct PaidClaim: Sendable, Hashable, Codable {
    /// The CLP as it was paid (CLP07 is the payer claim control number).
    public var payment: ClaimPayment
    /// Who was paid (loop 1000B).
    public var payee: Remittance.Payee
    /// PLB01 for this payee: the billing provider's NPI.
    public var providerID: String
    /// The 835's BPR16.
    public var paidOn: X12Date
    /// The run that paid it.
    public var run: Int
}

/// Something a payer does in a later run to a claim it paid.
public struct PendingAction: Sendable, Hashable, Codable {
    /// What it does.
    public var kind: Kind
    /// Our claim number (CLP01).
    public var claimNumber: String
    /// The payer claim control number of the payment it acts on.
    public var payerClaimNumber: String
    /// The first run in which the payer does it.
    public var dueRun: Int

    /// What a payer does later.
    public enum Kind: Sendable, Hashable, Codable {
        /// Reverses the payment (CLP02 22) and adjudicates the claim again, paying more or less. With
        /// `laterFile` the new adjudication comes in the follow-up 835, not the reversal's; with `refunded` the
        /// provider had returned the overpayment by check, so a PLB 72 (authorized return) gives it back.
        case reversal(raise: Bool, laterFile: Bool, refunded: Bool)
        /// Takes back an overpayment found on review: a PLB WO of `amount` (cents) naming the claim's CLP07.
        case recoupment(amount: Int64)
    }
}

/// Money a payee owes a payer, carried from one 835 to the next with PLB FB.
public struct ForwardBalance: Sendable, Hashable, Codable {
    /// Cents the payee owes (positive).
    public var amount: Int64
    /// PLB03-2 of the FB items that carry it: the payer claim control number that caused it.
    public var reference: String
}
