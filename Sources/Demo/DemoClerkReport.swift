import Billing
import Foundation

/// What the clerk did in one run, over the practices worked.
public struct DemoClerkReport: Sendable, Equatable {
    /// Claims scrubbed again: rejected by the payer's front end, or waiting for their next payer.
    public var scrubbed = 0
    /// Of those, claims the scrubber still holds back.
    public var scrubFailed = 0
    /// The 837P files written.
    public var files: [String] = []
    /// Claims submitted.
    public var submitted = 0
    /// Denials appealed in this run.
    public var appealed = 0
    /// Appeals the payer upheld (no payment in time): written off as denials.
    public var upheld = 0
    /// Denials written off: filing deadline missed, or past the appeal window.
    public var deniedWrittenOff = 0
    /// Denials that moved the charge to the patient (PR): assigned, left to the patient's statements.
    public var patientDenials = 0
    /// Statements sent.
    public var statements = 0
    /// Patient payments posted.
    public var patientPayments = 0
    /// Total of the patient payments.
    public var patientPaid = Money.zero
    /// Small balances written off.
    public var smallBalances = 0
    /// Bad debts written off.
    public var badDebts = 0
    /// Total written off (denials, small balances, bad debt).
    public var writtenOff = Money.zero
    /// The appeals sent, for the payers' portals.
    public var appeals: [DemoAppeal] = []
    /// Unanswered claims chased with a 276.
    public var chased = 0
    /// The 276 files written.
    public var statusFiles: [String] = []

    /// An empty report.
    public init() {}

    /// The report as one line.
    public var line: String {
        "\(submitted) claim(s) submitted in \(files.count) file(s), \(scrubbed) re-scrubbed (\(scrubFailed) held), "
            + "\(appealed) appeal(s), \(upheld) upheld, \(deniedWrittenOff) denial(s) written off, \(statements) statement(s), "
            + "\(patientPayments) patient payment(s) \(patientPaid), \(smallBalances) small balance(s), \(badDebts) bad debt(s), "
            + "\(chased) unanswered claim(s) chased"
    }
}

/// An appeal as the payer's portal takes it: our claim number (CLP01), the payer's claim control number of the
/// denial (CLP07) and our reference. No other id of ours leaves the practice.
public struct DemoAppeal: Sendable, Hashable {
    /// CLP01.
    public var claimNumber: String
    /// CLP07 of the denial.
    public var payerClaimNumber: String
    /// The appeal's reference.
    public var reference: String

    /// The CSV the payer simulator reads (`rcm simulate payer --appeals`).
    public static func csv(_ appeals: [DemoAppeal]) -> String {
        (["claim_number,payer_claim_number,reference"] + appeals.map { "\($0.claimNumber),\($0.payerClaimNumber),\($0.reference)" })
            .joined(separator: "\n") + "\n"
    }
}
