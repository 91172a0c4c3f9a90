import Billing
import X12

/// Pricing and 835s.
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

    /// The first 835s (one per payer and billing provider) and the follow-ups with reversals.
    mutating func remittances(
        _ accepted: [(Incoming, String)], controls: SimulatorControls, outcomes: inout [String: SimulatedOutcome]
    ) -> ([Remittance], [Remittance]) {
        var keys: [String] = []
        for (item, _) in accepted where !keys.contains(key(item)) { keys.append(key(item)) }
        let payDate = controls.date.adding(days: controls.remittanceDays)
        let followDate = controls.date.adding(days: controls.followUpDays)
        var remits: [Remittance] = []
        var followUps: [Remittance] = []
        for (index, groupKey) in keys.enumerated() {
            let group = accepted.filter { key($0.0) == groupKey }
            var payments: [ClaimPayment] = []
            var later: [ClaimPayment] = []
            var recoverable: [ClaimPayment] = []
            for (item, icn) in group {
                let number = item.claim.claimNumber
                if !item.claim.otherPayers.isEmpty {
                    payments.append(secondary(item, icn: icn))
                    outcomes[number] = .paid
                    continue
                }
                if random.chance(settings.denyPercent) {
                    let denial = random.pick(Self.denials)
                    let whole = !(denial.reason == "97" && item.claim.lines.count > 1)
                    outcomes[number] = .denied(group: denial.group, reason: denial.reason, wholeClaim: whole)
                    payments.append(denied(item, icn: icn, denial: denial, whole: whole))
                    continue
                }
                let paid = assemble(
                    item, status: "1", icn: icn,
                    lines: item.claim.lines.map { price($0, item) }.enumerated().map {
                        priced($0.element, line: item.claim.lines[$0.offset], copayFirst: $0.offset == 0, item)
                    })
                payments.append(paid)
                outcomes[number] = .paid
                if random.chance(settings.reversePercent) {
                    outcomes[number] = .reversedAndReadjudicated
                    later.append(Self.reversal(of: paid))
                    later.append(readjudication(of: paid, item, icn: nextPayerClaimNumber(item.payer.id)))
                } else if paid.paid > .zero {
                    recoverable.append(paid)
                }
            }
            let (payer, provider) = (group[0].0.payer, group[0].0.provider)
            var adjustments: [ProviderAdjustment.Item] = []
            let paidTotal = payments.map(\.paid).sum()
            if paidTotal > .zero, random.chance(settings.interestPercent) {
                adjustments.append(
                    .init(reason: "L6", reference: payments[0].payerClaimNumber, amount: -interest(paidTotal)))
            }
            remits.append(
                remittance(
                    payer, provider, payments, adjustments, date: payDate, control: controls.firstControlNumber,
                    index: index + 1))
            guard !later.isEmpty else { continue }
            var followItems: [ProviderAdjustment.Item] = []
            let laterPaid = later.map(\.paid).sum()
            let readjusted = later.filter { $0.status != "22" }
            if let first = readjusted.first, first.paid > .zero {
                followItems.append(
                    .init(reason: "L6", reference: first.payerClaimNumber, amount: -interest(first.paid)))
            }
            let room = laterPaid - followItems.map(\.amount).sum()
            if let target = recoverable.last {
                let amount = min(Money(target.paid).percentage(10).x12Amount, room)
                if amount > .zero {
                    followItems.append(.init(reason: "WO", reference: target.payerClaimNumber, amount: amount))
                }
            }
            followUps.append(
                remittance(
                    payer, provider, later, followItems, date: followDate, control: controls.firstControlNumber,
                    index: keys.count + followUps.count + 1))
        }
        return (remits, followUps)
    }

    private func key(_ item: Incoming) -> String { "\(item.payer.id)|\(item.provider.npi)|\(item.provider.taxID)" }

    /// 1 % of an amount, at least a cent.
    private func interest(_ amount: X12Amount) -> X12Amount {
        max(Money(amount).percentage(1).x12Amount, X12Amount(cents: 1))
    }

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
        var patient: [Adjustment] = []
        if item.filingIndicator != "MC" {
            let plan = SeededRandom.hash("\(item.payer.id)|\(item.memberID)")
            switch plan % 3 {
            case 0:
                if copayFirst {
                    let copay = X12Amount(cents: plan & 8 == 0 ? 20_00 : 30_00)
                    patient.append(Adjustment(group: "PR", reason: "3", amount: min(copay, allowed)))
                }
            case 1:
                patient.append(Adjustment(group: "PR", reason: "2", amount: Money(allowed).percentage(20).x12Amount))
            default:
                let memberKey = "\(item.payer.id)|\(item.memberID)"
                let left = deductibleLeft[memberKey] ?? 150_00
                let deductible = min(left, allowed.cents)
                deductibleLeft[memberKey] = left - deductible
                if deductible > 0 {
                    patient.append(Adjustment(group: "PR", reason: "1", amount: X12Amount(cents: deductible)))
                }
                let rest = Money(cents: allowed.cents - deductible).percentage(20)
                if rest > .zero { patient.append(Adjustment(group: "PR", reason: "2", amount: rest.x12Amount)) }
            }
        }
        return Self.servicePayment(line, allowed: allowed, patient: patient)
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

    /// A secondary (or tertiary) claim: what earlier payers left to the patient (their PR in loop 2320) is
    /// spread over the lines; the rest of each line is OA-23 (the prior payer's impact). Medicaid pays it all,
    /// other plans leave 20 % coinsurance. CLP02 is 2 (3 for a tertiary).
    func secondary(_ item: Incoming, icn: String) -> ClaimPayment {
        var left = item.claim.otherPayers.flatMap(\.adjustments).filter { $0.group == "PR" }.map(\.amount).sum()
        let lines = item.claim.lines.map { line in
            let owed = min(max(left, .zero), line.charge)
            left = left - owed
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

    /// The corrected adjudication after a reversal: allowed raised 10 % (at most the charge), PR unchanged.
    func readjudication(of payment: ClaimPayment, _ item: Incoming, icn: String) -> ClaimPayment {
        let lines = zip(payment.lines, item.claim.lines).map { paid, line in
            let allowed = paid.allowed ?? .zero
            let raised = min(allowed + Money(allowed).percentage(10).x12Amount, line.charge)
            return Self.servicePayment(line, allowed: raised, patient: paid.adjustments.filter { $0.group == "PR" })
        }
        return assemble(item, status: "1", icn: icn, lines: lines)
    }

    /// One 835 transaction set: BPR02 = ΣCLP04 − ΣPLB (notification only when nothing is paid).
    func remittance(
        _ payer: SubscriberClaims.Payer, _ provider: ProfessionalClaimInterchange.BillingProvider,
        _ claims: [ClaimPayment], _ items: [ProviderAdjustment.Item], date: X12Date, control: Int, index: Int
    ) -> Remittance {
        let amount = claims.map(\.paid).sum() - items.map(\.amount).sum()
        let notification = amount == .zero
        let plb =
            items.isEmpty
            ? []
            : [
                ProviderAdjustment(
                    providerID: provider.npi, fiscalPeriodDate: X12Date(year: date.year, month: 12, day: 31)!,
                    items: items)
            ]
        return Remittance(
            controlNumber: String(format4(index)),
            payment: .init(
                handlingCode: notification ? "H" : "C", amount: amount, creditDebit: "C",
                method: notification ? "NON" : "ACH", format: notification ? nil : "CCP", date: date),
            trace: .init(number: "EFT\(control)\(format4(index))", originatorID: "1\(payer.id)"),
            productionDate: date, payer: .init(name: payer.name, identifier: payer.id),
            payee: .init(
                name: provider.name.last, idQualifier: "XX", id: provider.npi,
                references: [Reference("TJ", provider.taxID)]),
            claims: claims, providerAdjustments: plb)
    }

    private func format4(_ n: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
