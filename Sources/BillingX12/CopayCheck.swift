import Billing
import X12

/// Where a payment's copay contradicts the coverage: the payer put more copay (CAS PR-3) on the patient than the
/// copay the practice recorded for that payer's coverage allows, once per date of service (less is no
/// contradiction: a payer takes at most the allowed amount). The payer's word is what posts; the sentence tells
/// the clerk to check the coverage (the plan may have changed, or the coverage was entered wrong).
public enum CopayCheck {
    /// One sentence per claim of the payment whose PR-3 total is more than its coverage's copay per visit.
    public static func warnings(_ remittance: Remittance, claims: [ClaimNumber: ClaimContext]) -> [String] {
        var result: [String] = []
        for payment in remittance.claims where payment.status != "22" {
            guard let number = ClaimNumber(payment.patientControlNumber), let context = claims[number],
                let payer = context.claim.payerID,
                let coverage = context.patient.coverages.values.filter({ $0.payerID == payer }).min(by: { $0.order < $1.order })
            else { continue }
            let copays = (payment.adjustments + payment.lines.flatMap(\.adjustments)).filter { $0.group == "PR" && $0.reason == "3" }
            guard !copays.isEmpty else { continue }
            let taken = Money(copays.map(\.amount).sum())
            let visits = Int64(max(1, Set(context.claim.lines.map(\.dateOfService)).count))
            guard taken.cents > coverage.copay.cents * visits else { continue }
            result.append(
                "claim \(number): the payer took a copay (PR-3) of \(taken) but the patient's \(payer) coverage has a copay of \(coverage.copay)\(visits > 1 ? " a visit (\(visits) visits)" : ""); posted as the payer said: check the coverage"
            )
        }
        return result
    }
}
