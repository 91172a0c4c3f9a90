import Billing
import X12

/// Pricing: allowed amounts, patient responsibility by plan, denials, secondaries, reversals and corrections.
extension PayerSimulator {
    /// Denials the simulator gives: group, CARC and a fitting RARC.
    static let denials: [(group: String, reason: String, remark: String?)] = [
        ("CO", "197", "N54"),  // authorization absent
        ("CO", "50", "N130"),  // not medically necessary
        ("CO", "97", "M86"),  // bundled into another service
        ("CO", "29", nil),  // filing deadline passed
        ("PR", "204", "N130"),  // not covered by the patient's plan
        ("CO", "4", "M51"),  // modifier inconsistent with the procedure
    ]

    /// The allowed amount of a line: the payer's rate per unit (or 60 % of the charge), at most the charge.
    func price(_ line: ProfessionalClaim.ServiceLine, _ item: Incoming) -> X12Amount {
        let code = line.procedure.code
        let rate = settings.feeSchedules[item.payer.id]?[code] ?? Self.standardRates[code]
        guard let rate else { return Money(line.charge).percentage(60).x12Amount }
        let factor: Int
        switch item.filingIndicator {
        case "MC": factor = 80
        case "MB": factor = 90
        default: factor = 95 + Int(SeededRandom.hash(item.payer.id) % 11)
        }
        let perUnit = Money(rate).percentage(factor).cents
        let (product, overflow) = perUnit.multipliedReportingOverflow(by: line.units.thousandths)
        let allowed = overflow ? line.charge.cents : product / 1000
        return X12Amount(cents: min(max(allowed, 0), line.charge.cents))
    }

    /// A paid line: CO-45 for charge − allowed, then PR by plan (none for Medicaid): copay (PR-3) once per
    /// claim, deductible (PR-1) until met, coinsurance (PR-2) 20 %.
    mutating func priced(
        _ allowed: X12Amount, line: ProfessionalClaim.ServiceLine, copayFirst: Bool, _ item: Incoming
    ) -> ServicePayment {
        let patient = patientShare(
            allowed, copayFirst: copayFirst,
            plan: MemberPlan(payerID: item.payer.id, memberID: item.memberID, filingIndicator: item.filingIndicator))
        return Self.servicePayment(line, allowed: allowed, patient: patient)
    }

    /// The patient's part of an allowed amount by the member's plan (none for Medicaid): copay (PR-3) on the
    /// claim's first line, or coinsurance (PR-2) 20 %, or the deductible (PR-1) until met and then coinsurance.
    mutating func patientShare(_ allowed: X12Amount, copayFirst: Bool, plan member: MemberPlan) -> [Adjustment] {
        var patient: [Adjustment] = []
        guard member.filingIndicator != "MC" else { return patient }
        let memberKey = "\(member.payerID)|\(member.memberID)"
        let plan = SeededRandom.hash(memberKey)
        switch plan % 3 {
        case 0:
            if copayFirst {
                let copay = X12Amount(cents: plan & 8 == 0 ? 20_00 : 30_00)
                patient.append(Adjustment(group: "PR", reason: "3", amount: min(copay, allowed)))
            }
        case 1:
            patient.append(Adjustment(group: "PR", reason: "2", amount: Money(allowed).percentage(20).x12Amount))
        default:
            let left = state.deductibleLeft[memberKey] ?? 150_00
            let deductible = min(left, allowed.cents)
            state.deductibleLeft[memberKey] = left - deductible
            if deductible > 0 {
                patient.append(Adjustment(group: "PR", reason: "1", amount: X12Amount(cents: deductible)))
            }
            let rest = Money(cents: allowed.cents - deductible).percentage(20)
            if rest > .zero { patient.append(Adjustment(group: "PR", reason: "2", amount: rest.x12Amount)) }
        }
        return patient
    }

    /// SVC with CO-45, the PR items, REF*6R and AMT*B6; paid = allowed − PR.
    static func servicePayment(_ line: ProfessionalClaim.ServiceLine, allowed: X12Amount, patient: [Adjustment])
        -> ServicePayment
    {
        var adjustments: [Adjustment] = []
        if line.charge - allowed > .zero {
            adjustments.append(Adjustment(group: "CO", reason: "45", amount: line.charge - allowed))
        }
        adjustments += patient.filter { $0.amount > .zero }
        return ServicePayment(
            procedure: line.procedure, charge: line.charge, paid: allowed - patient.map(\.amount).sum(),
            units: line.units,
            dates: [QualifiedDate("472", line.serviceDate)], adjustments: adjustments,
            lineControlNumber: line.lineControlNumber, allowed: allowed)
    }

    /// A denied claim: CLP02 4 with every line paid nothing, or (CO-97 with several lines) the last line only.
    mutating func denied(
        _ item: Incoming, icn: String, denial: (group: String, reason: String, remark: String?), whole: Bool
    )
        -> ClaimPayment
    {
        let count = item.claim.lines.count
        var lines: [ServicePayment] = []
        for (offset, line) in item.claim.lines.enumerated() {
            if whole || offset == count - 1 {
                lines.append(
                    ServicePayment(
                        procedure: line.procedure, charge: line.charge, paid: .zero, units: line.units,
                        dates: [QualifiedDate("472", line.serviceDate)],
                        adjustments: [Adjustment(group: denial.group, reason: denial.reason, amount: line.charge)],
                        lineControlNumber: line.lineControlNumber, remarkCodes: denial.remark.map { [$0] } ?? []))
            } else {
                lines.append(priced(price(line, item), line: line, copayFirst: offset == 0, item))
            }
        }
        return assemble(item, status: whole ? "4" : "1", icn: icn, lines: lines)
    }

    /// The CLP around lines: CLP03 = Σ SVC02, CLP04 = Σ SVC03, CLP05 = Σ PR.
    func assemble(_ item: Incoming, status: String, icn: String, lines: [ServicePayment]) -> ClaimPayment {
        ClaimPayment(
            patientControlNumber: item.claim.claimNumber, status: status, charge: lines.map(\.charge).sum(),
            paid: lines.map(\.paid).sum(),
            patientResponsibility: lines.flatMap(\.adjustments).filter { $0.group == "PR" }.map(\.amount).sum(),
            filingIndicator: item.filingIndicator, payerClaimNumber: icn, facilityCode: item.claim.placeOfService,
            frequency: item.claim.frequency, patient: item.patient, insured: item.insured, lines: lines)
    }

    /// A secondary (or tertiary) claim: what the payer just before left to the patient (its PR, line by line from
    /// loop 2430, else from loop 2320 spread over the lines) is what this payer considers; the rest of each line,
    /// what the earlier payers paid or adjusted, is OA-23 (the prior payer's impact). Medicaid pays it all, other
    /// plans leave 20 % coinsurance. CLP02 is 2 (3 for a tertiary).
    func secondary(_ item: Incoming, icn: String) -> ClaimPayment {
        let last = item.claim.otherPayers.filter { $0.paidAmount != nil }.max { $0.payerSequence < $1.payerSequence }
        func owedOnLine(_ line: ProfessionalClaim.ServiceLine) -> X12Amount? {
            guard let last else { return nil }
            let adjudications = line.otherPayerAdjudications.filter { $0.payerID == last.payer.id }
            guard !adjudications.isEmpty else { return nil }
            return adjudications.flatMap(\.adjustments).filter { $0.group == "PR" }.map(\.amount).sum()
        }
        var left = (last?.adjustments ?? []).filter { $0.group == "PR" }.map(\.amount).sum()
        let lines = item.claim.lines.map { line in
            let owed: X12Amount
            if let byLine = owedOnLine(line) {
                owed = min(max(byLine, .zero), line.charge)
            } else {
                owed = min(max(left, .zero), line.charge)
                left = left - owed
            }
            let coinsurance = item.filingIndicator == "MC" ? X12Amount.zero : Money(owed).percentage(20).x12Amount
            var adjustments: [Adjustment] = []
            if line.charge - owed > .zero {
                adjustments.append(Adjustment(group: "OA", reason: "23", amount: line.charge - owed))
            }
            if coinsurance > .zero { adjustments.append(Adjustment(group: "PR", reason: "2", amount: coinsurance)) }
            return ServicePayment(
                procedure: line.procedure, charge: line.charge, paid: owed - coinsurance, units: line.units,
                dates: [QualifiedDate("472", line.serviceDate)], adjustments: adjustments,
                lineControlNumber: line.lineControlNumber)
        }
        return assemble(item, status: item.sequence == "T" ? "3" : "2", icn: icn, lines: lines)
    }

    /// What the crossover partner pays for a claim the primary forwarded (CLP02 19): each line's patient
    /// responsibility, in full (a Medicaid plan leaves the patient nothing); the rest of the line is OA-23. CLP02 2.
    static func crossoverPayment(of primary: ClaimPayment, icn: String) -> ClaimPayment {
        var payment = primary
        payment.status = "2"
        payment.payerClaimNumber = icn
        payment.filingIndicator = "MC"
        payment.otherParties = []
        payment.remarkCodes = []
        payment.adjustments = []
        payment.lines = primary.lines.map { line in
            let owed = line.adjustments.filter { $0.group == "PR" }.map(\.amount).sum()
            var forwarded = line
            forwarded.paid = owed
            forwarded.allowed = nil
            forwarded.remarkCodes = []
            forwarded.adjustments = line.charge - owed > .zero ? [Adjustment(group: "OA", reason: "23", amount: line.charge - owed)] : []
            return forwarded
        }
        payment.paid = payment.lines.map(\.paid).sum()
        payment.patientResponsibility = .zero
        return payment
    }

    /// CLP02 22: the earlier payment repeated with every amount negated.
    static func reversal(of payment: ClaimPayment) -> ClaimPayment {
        var reversed = payment
        reversed.status = "22"
        reversed.charge = -payment.charge
        reversed.paid = -payment.paid
        reversed.patientResponsibility = payment.patientResponsibility.map { -$0 }
        reversed.lines = payment.lines.map { line in
            var negated = line
            negated.charge = -line.charge
            negated.paid = -line.paid
            negated.units = nil
            negated.allowed = nil
            negated.adjustments = line.adjustments.map {
                Adjustment(group: $0.group, reason: $0.reason, amount: -$0.amount)
            }
            return negated
        }
        return reversed
    }

    /// The corrected adjudication after a reversal, under a new payer claim number: each line's allowed amount
    /// raised 10 % (at most the charge), or lowered so that the payer pays 15 % less; patient responsibility
    /// unchanged.
    static func readjudication(of payment: ClaimPayment, raise: Bool, icn: String) -> ClaimPayment {
        var corrected = payment
        corrected.status = "1"
        corrected.payerClaimNumber = icn
        corrected.lines = payment.lines.map { line in
            let allowed = line.allowed ?? line.paid
            let patient = line.adjustments.filter { $0.group == "PR" }
            let changed =
                raise
                ? min(allowed + Money(allowed).percentage(10).x12Amount, line.charge)
                : allowed - Money(line.paid).percentage(15).x12Amount
            var adjustments: [Adjustment] = []
            if line.charge - changed > .zero {
                adjustments.append(Adjustment(group: "CO", reason: "45", amount: line.charge - changed))
            }
            adjustments += patient
            var corrected = line
            corrected.paid = changed - patient.map(\.amount).sum()
            corrected.allowed = changed
            corrected.adjustments = adjustments
            return corrected
        }
        corrected.paid = corrected.lines.map(\.paid).sum()
        return corrected
    }
}
