import Billing
import Testing

/// A 271 answer of ACME for the fixture patient, recorded on `on`.
private func answer(_ status: EligibilityStatus, on date: String, end: String? = nil, carveOut: Bool = false) -> (EligibilityEvent, LocalDate) {
    let check = EligibilityEvent.Checked(
        patientKey: Fx.patient, coverageID: "cov-1", payerID: Fx.acme, trace: "42-1", serviceDate: day("2026-03-01"), status: status,
        coverageBegin: day("2026-01-01"), coverageEnd: end.map(day),
        carveOut: carveOut ? CarveOut(name: "KEYSTONE BEHAVIORAL HEALTH", x12PayerID: "DEMO06", serviceTypes: [.mentalHealth]) : nil)
    return (.checked(check), day(date))
}

/// The fixture claim (ACME, date of service 2026-03-03) scrubbed on 2026-03-05 with an eligibility history.
private func checked(_ events: [(EligibilityEvent, LocalDate)], policy: Int = 30) -> (Claim.State, ScrubContext) {
    var context = Fx.context()
    context.eligibility = EligibilityHistory(events.map { (event: $0.0, on: $0.1) })
    context.eligibilityPolicyDays = policy
    return (Fx.claim(), context)
}

/// MH060–MH062: each with a passing and a failing case, run by ScrubberTests with the other rules.
let eligibilityRuleCases: [RuleCase] = [
    RuleCase(
        id: "MH060", pass: { checked([answer(.active, on: "2026-03-02")]) },
        fail: { checked([answer(.active, on: "2026-03-02", carveOut: true)]) }),
    RuleCase(
        id: "MH061", pass: { checked([answer(.inactive, on: "2026-02-01", end: "2026-03-31")]) },
        fail: { checked([answer(.inactive, on: "2026-03-02", end: "2026-02-28")]) }),
    RuleCase(
        id: "MH062", pass: { checked([answer(.active, on: "2026-02-10")], policy: 30) },
        fail: { checked([answer(.active, on: "2026-02-10")], policy: 20) }),
]

@Suite("Scrubber: eligibility rules")
struct ScrubberEligibilityTests {
    @Test("an inactive answer without an end date blocks dates of service from the date asked; a rejected one says nothing")
    func inactiveWithoutDates() {
        var check = EligibilityEvent.Checked(patientKey: Fx.patient, coverageID: "cov-1", payerID: Fx.acme, trace: "1", serviceDate: day("2026-03-01"), status: .inactive)
        #expect(Scrubber.inactive(check, on: day("2026-03-03")) && !Scrubber.inactive(check, on: day("2026-02-27")))
        check.status = .rejected
        #expect(!Scrubber.inactive(check, on: day("2026-03-03")))
    }

    @Test("a routed carve-out refuses the card's payer and names the carve-out payer; without history no rule runs")
    func routed() {
        let coverage = Coverage(id: "cov-1-bh-keystone", payerID: "keystone", order: .primary, effective: EffectivePeriod(from: day("2026-03-01")))
        let (claim, context) = checked([
            answer(.active, on: "2026-03-02", carveOut: true),
            (.carveOutRouted(.init(patientKey: Fx.patient, fromPayerID: Fx.acme, toPayerID: "keystone", coverage: coverage, trace: "42-1")), day("2026-03-02")),
        ])
        let findings = Scrubber.scrub(claim: claim, context: context).filter { $0.ruleID == "MH060" }
        #expect(findings.count == 1 && findings[0].message.contains("bill keystone"))
        #expect(Scrubber.scrub(claim: Fx.claim(), context: Fx.context()).allSatisfy { !["MH060", "MH061", "MH062"].contains($0.ruleID) })
    }
}
