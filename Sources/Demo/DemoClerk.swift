import Application
import Billing
import EventStore
import Foundation

/// The demo's billing clerk: works every practice as a good clerk would, through the application's commands, on
/// the business date the commands run at (`RCM_BUSINESS_DATE`, which `today` must match).
///
/// - Claims rejected by a payer's front end, and claims waiting for their next payer (COB), are scrubbed again; with
///   a directory, every ready claim whose first date of service is on or before today is submitted (837P per payer).
/// - Denials: a PR denial moved the charge to the patient (assigned; the statements ask for it); CO-29 is ours to
///   write off unless the claim was filed in time, then it is appealed with the proof; any other denial is assigned
///   to the clerk and appealed within the payer's appeal window (written off once the window has passed); an
///   appeal with no payment `appealUpheldAfterDays` after it was sent was upheld and is written off.
/// - Patients: statements at each month's end; patients pay by their habit (`DemoClerkPolicy.habit`); small
///   balances and bad debt are written off by policy.
/// - Claims the payers left unanswered `unansweredAfterDays` after they were sent are chased with 276s.
public struct DemoClerk: Sendable {
    /// The application core, connected as the clerk's login.
    public var core: RevenueCycle
    /// The demo's seed (the patients' habits).
    public var seed: UInt64
    /// The login denials are assigned to.
    public var owner: StaffID
    /// The company's policy.
    public var policy: DemoClerkPolicy

    /// A clerk.
    public init(core: RevenueCycle, seed: UInt64, owner: StaffID, policy: DemoClerkPolicy = DemoClerkPolicy()) {
        self.core = core
        self.seed = seed
        self.owner = owner
        self.policy = policy
    }

    /// Works the practices (slugs; every practice the login may see when empty) on `today`, submitting to
    /// `submitTo` when given, and writing 276s for the claims the payers left unanswered to `chaseTo` when given.
    public func work(today: LocalDate, practices wanted: [String], submitTo directory: URL?, chaseTo inquiries: URL? = nil) async throws -> DemoClerkReport {
        var practices = wanted
        if practices.isEmpty { practices = try await core.tenants().filter { $0.kind == .practice }.map(\.slug).sorted() }
        let payers = try await core.payers().map { PayerID($0.payerID) }
        var report = DemoClerkReport()
        for practice in practices {
            // One read of the practice's claims: each step below works claims the steps before it did not touch.
            let claims = try await core.listClaims(tenant: practice, status: nil)
            try await resend(claims, of: practice, report: &report)
            if let directory {
                for payer in payers {
                    let request = SubmitClaimsRequest(tenant: practice, payer: payer, through: today, directory: directory)
                    guard let result = try await core.submitClaims(request) else { continue }
                    report.files.append(result.path)
                    report.submitted += result.claimNumbers.count
                }
            }
            try await workDenials(claims.filter { $0.status == .denied }, of: practice, today: today, report: &report)
            try await workPatientBalances(claims.filter { $0.patientBalance > .zero }, of: practice, today: today, report: &report)
            if let inquiries {
                // Claims no payer answered within its days are chased with a 276 (the payer simulator answers with a 277).
                for sent in try await core.inquireClaimStatus(tenant: practice, days: policy.unansweredAfterDays, directory: inquiries) {
                    report.statusFiles.append(sent.path)
                    report.chased += sent.claims.count
                }
            }
        }
        return report
    }

    /// Scrubs the claims that are to go out again.
    func resend(_ claims: [Claim.State], of practice: String, report: inout DemoClerkReport) async throws {
        let again = claims.filter { claim in
            switch claim.status {
            case .rejected: true
            case .awaitingNextPayer: !claim.crossedOver && !claim.readyToSubmit
            default: false
            }
        }.compactMap(\.claimID)
        guard !again.isEmpty else { return }
        let scrubbed = try await core.scrubClaims(again, tenant: practice)
        report.scrubbed += scrubbed.count
        report.scrubFailed += scrubbed.filter { !$0.claim.readyToSubmit }.count
    }

    /// Works every open denial of the practice.
    func workDenials(_ claims: [Claim.State], of practice: String, today: LocalDate, report: inout DemoClerkReport) async throws {
        for claim in claims {
            guard let id = claim.claimID, let number = claim.claimNumber?.description else { continue }
            var balance = claim.insuranceBalance
            for denial in claim.openDenials {
                let reason = denial.reasons.first
                if denial.status == .appealed {
                    guard let sent = denial.appealedOn, sent.days(to: today) >= policy.appealUpheldAfterDays else { continue }
                    if try await writeOff(denial, of: id, reason: .denial, balance: &balance, practice: practice, report: &report) {
                        report.upheld += 1
                    }
                    continue
                }
                if reason?.group == .patient {
                    // The plan does not cover it: the charge is the patient's, on the next statement.
                    if denial.owner == nil {
                        try await core.assignDenial(denial.denialID, claim: id, owner: owner, due: nil, tenant: practice)
                        report.patientDenials += 1
                    }
                    continue
                }
                let filedInTime = (claim.firstSubmittedOn ?? claim.createdOn).map { submitted in
                    claim.lines.map(\.dateOfService).min().map { $0.days(to: submitted) <= policy.timelyFilingProofDays } ?? false
                } ?? false
                let lateFiling = reason?.reason == "29" && !filedInTime
                guard !lateFiling, today <= denial.dueDate, let icn = Self.payerClaimNumber(of: denial, in: claim) else {
                    if try await writeOff(denial, of: id, reason: lateFiling ? .timelyFiling : .denial, balance: &balance, practice: practice, report: &report) {
                        report.deniedWrittenOff += 1
                    }
                    continue
                }
                let reference = "APL-\(number)-\(today.description.replacingOccurrences(of: "-", with: ""))"
                if denial.owner == nil {
                    try await core.assignDenial(denial.denialID, claim: id, owner: owner, due: nil, tenant: practice)
                }
                try await core.appealDenial(denial.denialID, claim: id, reference: reference, tenant: practice)
                report.appeals.append(DemoAppeal(claimNumber: number, payerClaimNumber: icn, reference: reference))
                report.appealed += 1
            }
        }
    }

    /// Writes off what a denial left on the insurance balance; false when nothing is left to write off.
    func writeOff(
        _ denial: Denial, of claim: ClaimID, reason: WriteOffReason, balance: inout Money, practice: String, report: inout DemoClerkReport
    ) async throws -> Bool {
        let amount = min(denial.amount, balance)
        guard amount > .zero else { return false }
        try await core.writeOff(amount, claim: claim, reason: reason, side: .insurance, denial: denial.denialID, tenant: practice)
        balance = balance - amount
        report.writtenOff = report.writtenOff + amount
        return true
    }

    /// The payer's claim control number (CLP07) of the adjudication that denied the denial's lines.
    static func payerClaimNumber(of denial: Denial, in claim: Claim.State) -> String? {
        claim.adjudications.last { record in
            !record.reversed && record.adjudication.lines.contains { denial.lineIDs.contains($0.lineID) }
        }?.adjudication.payerClaimNumber
    }

    /// Statements at the month's end; the patients' payments; small balances and bad debt written off.
    func workPatientBalances(_ claims: [Claim.State], of practice: String, today: LocalDate, report: inout DemoClerkReport) async throws {
        if DemoClerkPolicy.isMonthEnd(today) {
            report.statements += try await core.runStatements(tenant: practice, dueInDays: policy.statementDueDays).documents.count
        }
        for claim in claims {
            guard let id = claim.claimID, let key = claim.patientKey, let number = claim.claimNumber?.description else { continue }
            let billed = Self.billedToPatient(claim) ?? claim.createdOn ?? today
            let statement = DemoClerkPolicy.firstStatement(after: billed)
            guard statement <= today else { continue }
            var owed = claim.patientBalance
            if claim.patientPaid == .zero {
                var payment = Money.zero
                switch policy.habit(seed: seed, claim: number) {
                case .paysInFull(let days) where statement.adding(days: days) <= today: payment = owed
                case .paysHalf(let days) where statement.adding(days: days) <= today: payment = max(owed.percentage(50), Money(cents: 1))
                default: break
                }
                if payment > .zero {
                    _ = try await core.postPatientPayment(payment, method: .card, patient: key, claim: id, paymentID: nil, tenant: practice)
                    report.patientPayments += 1
                    report.patientPaid = report.patientPaid + payment
                    owed = owed - payment
                }
            }
            guard owed > .zero else { continue }
            if owed < policy.smallBalance, billed.days(to: today) >= policy.smallBalanceAfterDays {
                try await core.writeOff(owed, claim: id, reason: .smallBalance, side: .patient, denial: nil, tenant: practice)
                report.smallBalances += 1
                report.writtenOff = report.writtenOff + owed
            } else if statement.days(to: today) >= policy.badDebtAfterDays {
                try await core.writeOff(owed, claim: id, reason: .badDebt, side: .patient, denial: nil, tenant: practice)
                report.badDebts += 1
                report.writtenOff = report.writtenOff + owed
            }
        }
    }

    /// When the claim's balance moved to the patient: the latest standing adjudication that moved it.
    static func billedToPatient(_ claim: Claim.State) -> LocalDate? {
        claim.adjudications.last { !$0.reversed && $0.transferredTo == .patient }?.adjudication.adjudicatedOn
    }
}
