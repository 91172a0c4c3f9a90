import Application
import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// The demo's front desk for one practice, checking eligibility as a good billing company does: a 270 for each
/// day's new patients before their first session and one for each month's scheduled patients, written by the
/// product (`EligibilityInquiryService`), answered by the payer simulator from what the payers know of their members
/// (`DemoPlan.roster`), the 271 imported by the product (`EligibilityImportService`), and every carve-out the 271
/// names confirmed by the clerk (`CarveOutRoutingService`, confirm), so later claims bill the carve-out payer.
/// All of it inside the seeder's transaction, on the seeder's business date. A class, as `PracticeRun` is: it keeps
/// each patient's eligibility history and its counts between the months; used from one task only.
final class DemoEligibilityDesk: @unchecked Sendable {
    let tenant: Tenant
    let seed: UInt64
    let roster: EligibilityRoster
    let counter: InterchangeCounter
    /// The patients' histories, as last read.
    private(set) var histories: [PatientKey: EligibilityHistory] = [:]
    /// Patients asked about (one per inquiry, a patient asked twice counted twice).
    private(set) var inquiries = 0
    /// 270 files written (one per payer per batch).
    private(set) var files = 0
    /// Carve-outs routed for the first time, and routes renewed for a new plan year.
    private(set) var routed = 0, renewed = 0
    /// The payer simulator's 271 control numbers.
    private var answers = 0

    init(tenant: Tenant, seed: UInt64, roster: EligibilityRoster, counter: @escaping InterchangeCounter) {
        self.tenant = tenant
        self.seed = seed
        self.roster = roster
        self.counter = counter
    }

    /// The eligibility history of a patient checked before (empty when never checked).
    func history(_ key: PatientKey) -> EligibilityHistory { histories[key] ?? EligibilityHistory() }

    /// The payer to bill for a session of the patient on `date`: the carve-out payer a confirmed route names while
    /// its coverage is in force, else the card's.
    func payer(for key: PatientKey, card: PayerID, on date: LocalDate) -> PayerID {
        guard let route = histories[key]?.routes[card], route.coverage.effective.contains(date) else { return card }
        return route.toPayerID
    }

    /// Asks the payers about `patients` (each about its date of service) on `today`: one 270 per payer, answered,
    /// imported, and any carve-out routed.
    func check(_ patients: [(patient: PatientKey, date: LocalDate)], today: LocalDate, context: CommandContext, in tx: any StoreTransaction) throws {
        guard !patients.isEmpty else { return }
        // The desk sends its batch at 09:00 UTC of the business date (a fixed time: the same seed, the same files).
        let now = Date(timeIntervalSince1970: Double(today.daysSinceEpoch) * 86_400 + 9 * 3_600)
        let sent = try EligibilityInquiryService().batch(scheduled: patients, directory: nil, now: now, context: context, in: tx, nextControlNumber: counter)
        for result in sent.results {
            files += 1
            inquiries += result.inquiries
            answers += 1
            let sets = try X12File(bytes: result.bytes, fileName: "inquiry.270").eligibilityInquiries().sets
            let answer = try PayerSimulator.answerEligibility(
                sets, seed: seed, date: today.x12Date, controlNumber: 800_000 + answers, roster: roster)
            let name = "\(tenant.slug)-\(result.payerID)-\(String(format: "%09d", result.interchangeControlNumber)).271"
            _ = try EligibilityImportService().importFile(bytes: answer.bytes, fileName: name, tenants: [tenant], actor: tx.login, today: today, in: tx)
        }
        let routing = CarveOutRoutingService()
        var seen = Set<PatientKey>()
        for key in patients.map(\.patient) where seen.insert(key).inserted {
            var history = try routing.history(key, context: context, in: tx)
            let carveOuts = history.latest.values.compactMap { $0.check.carveOut?.x12PayerID }
            for x12ID in Set(carveOuts).sorted() {
                guard let payer = DemoCatalog.payers.first(where: { $0.identifiers.contains(x12ID) }) else { continue }
                let wasRouted = history.routes.values.contains { $0.toPayerID.rawValue == payer.payerID }
                let outcome = try routing.route(patient: key, to: PayerID(payer.payerID), confirm: true, context: context, in: tx)
                if outcome.recorded { if wasRouted { renewed += 1 } else { routed += 1 } }
            }
            if !carveOuts.isEmpty { history = try routing.history(key, context: context, in: tx) }
            histories[key] = history
        }
    }
}
