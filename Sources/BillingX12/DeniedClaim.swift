import Foundation
import X12

/// A claim a payer denied, as it remembers it for an appeal: the denial it sent (CLP07 is the payer claim control
/// number), who it paid, the member's plan and what it would allow for each denied line had it paid.
public struct DeniedClaim: Sendable, Hashable, Codable {
    /// The CLP as it was sent (CLP02 4, or CLP02 1 with one line denied).
    public var payment: ClaimPayment
    /// The CARC of the denial (`29`, `197`, …).
    public var reason: String
    /// Who was paid (loop 1000B).
    public var payee: Remittance.Payee
    /// PLB01 for this payee: the billing provider's NPI.
    public var providerID: String
    /// The member's plan, for the patient's part when the payer pays on appeal.
    public var plan: MemberPlan
    /// Allowed amount of each denied line, by its line control number (REF*6R).
    public var allowed: [String: X12Amount]
    /// The day the payer received the claim (the run that denied it).
    public var receivedOn: X12Date

    /// Days from the claim's first date of service to its receipt.
    public var daysToReceipt: Int {
        let first = payment.lines.flatMap(\.dates).filter { $0.qualifier == "472" }.map(\.period.start.dayNumber).min()
        return receivedOn.dayNumber - (first ?? receivedOn.dayNumber)
    }
}

/// Whose plan a claim falls under: the payer id it was sent to, the member and the claim filing indicator.
public struct MemberPlan: Sendable, Hashable, Codable {
    /// 2010BB NM109 of the claim.
    public var payerID: String
    /// The subscriber's member id.
    public var memberID: String
    /// SBR09 (`MC` Medicaid, `MB` Medicare Part B, `CI` commercial, …).
    public var filingIndicator: String
}

/// An appeal a practice sent through the payer's portal: our claim number (CLP01), the payer's claim control number
/// of the denial (CLP07) and the practice's appeal reference. Nothing else of ours.
public struct SimulatedAppeal: Sendable, Hashable {
    /// CLP01 of the denial.
    public var claimNumber: String
    /// CLP07 of the denial.
    public var payerClaimNumber: String
    /// The practice's reference for the appeal.
    public var reference: String

    /// An appeal.
    public init(claimNumber: String, payerClaimNumber: String, reference: String) {
        self.claimNumber = claimNumber
        self.payerClaimNumber = payerClaimNumber
        self.reference = reference
    }

    /// Appeals from CSV text with the header `claim_number,payer_claim_number,reference`; throws on a line that is
    /// not three fields, naming the line.
    public static func parse(csv text: String) throws(AppealFileError) -> [SimulatedAppeal] {
        var appeals: [SimulatedAppeal] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if index == 0 && fields.first == "claim_number" { continue }
            guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty }) else { throw AppealFileError(line: index + 1) }
            appeals.append(SimulatedAppeal(claimNumber: fields[0], payerClaimNumber: fields[1], reference: fields[2]))
        }
        return appeals
    }
}

/// A line of an appeals file that is not `claim_number,payer_claim_number,reference`.
public struct AppealFileError: Error, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// What is wrong and where.
    public var description: String { "line \(line) of the appeals file is not claim_number,payer_claim_number,reference" }
}
