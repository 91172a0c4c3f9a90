import Billing
import Foundation

/// One line per eligibility answer, as a clerk reads it: patient key, payer, status, dates, the behavioral-health
/// cost share, and the carve-out with the command that routes it.
public enum EligibilitySummary {
    /// The line.
    public static func line(_ check: EligibilityEvent.Checked, tenant: String, company: CompanyState) -> String {
        var parts = ["patient \(check.patientKey)", "\(check.payerID)", check.status.rawValue]
        if let begin = check.coverageBegin { parts.append("from \(begin)") }
        if let end = check.coverageEnd { parts.append("through \(end)") }
        if let plan = check.planName { parts.append("plan \(plan)") }
        if !check.rejectReasons.isEmpty { parts.append("AAA \(check.rejectReasons.joined(separator: ","))") }
        let behavioral = check.benefits.filter { $0.serviceType != .planCoverage }
        if let inNetwork = behavioral.first(where: { $0.inNetwork != false && $0.copay != nil }) ?? behavioral.first(where: { $0.copay != nil }) {
            parts.append("copay \(inNetwork.copay!) (\(inNetwork.serviceType.rawValue))")
        }
        if let coinsurance = behavioral.first(where: { $0.coinsuranceBasisPoints != nil && $0.inNetwork != false }) {
            parts.append("coinsurance \(percent(coinsurance.coinsuranceBasisPoints!)) (\(coinsurance.serviceType.rawValue))")
        }
        let deductible = check.benefits.first { $0.deductibleRemaining != nil && $0.inNetwork != false }
        if let remaining = deductible?.deductibleRemaining { parts.append("deductible remaining \(remaining)") }
        if let oop = check.benefits.first(where: { $0.outOfPocketRemaining != nil && $0.inNetwork != false })?.outOfPocketRemaining {
            parts.append("out-of-pocket remaining \(oop)")
        }
        if let visits = behavioral.first(where: { $0.visitLimit != nil || $0.visitsRemaining != nil }) {
            parts.append("visits \(visits.visitsRemaining.map { "\($0) left" } ?? "\(visits.visitLimit!) allowed")")
        }
        if behavioral.contains(where: { $0.authorizationRequired == true && $0.inNetwork != false }) { parts.append("authorization required") }
        if behavioral.contains(where: { $0.inNetwork == false }), !behavioral.contains(where: { $0.inNetwork == true }) { parts.append("out of network") }
        var text = parts.joined(separator: ", ")
        if let carve = check.carveOut {
            let payer = carve.x12PayerID.flatMap { company.payers(answeringTo: [$0]).first?.payerID }
            text += "; behavioral health is carved out to \(carve.name) (\(carve.x12PayerID ?? "no payer id"))"
            if let payer {
                text += ": route with rcm eligibility route --tenant \(tenant) --patient \(check.patientKey) --to \(payer) --confirm"
            } else {
                text += ": add it to the catalog (rcm payer add) to route it"
            }
        }
        return text
    }

    static func percent(_ basisPoints: Int64) -> String {
        let whole = basisPoints / 100, fraction = basisPoints % 100
        return fraction == 0 ? "\(whole)%" : "\(whole).\(String(format: "%02d", fraction))%"
    }
}
