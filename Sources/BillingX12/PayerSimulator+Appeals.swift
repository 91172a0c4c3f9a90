import Billing
import X12

/// Appeals: a payer remembers the claims it denied and, when the practice appeals one, looks at it again in its
/// next run. It overturns a share of the appeals per denial reason, paying the denied lines as it prices them in an
/// 835 (CLP02 1 under the same claim control number); the rest it upholds and pays nothing.
extension PayerSimulator {
    /// Percent of appeals overturned per CARC of the denial; reasons not listed: 50. A CO-29 (filing deadline) denial
    /// of a claim the payer in fact received within `timelyFilingProofDays` of its first date of service was the
    /// payer's error: the appeal shows the receipt (the 277CA acceptance) and is overturned 90 % of the time.
    public static let overturnPercent: [String: Int] = ["4": 80, "97": 80, "197": 70, "50": 60, "29": 10, "204": 0]
    /// The shortest filing limit of the simulated payers, in days.
    public static let timelyFilingProofDays = 90

    /// Whether the payer overturns an appeal: fixed per payer claim control number and reason, whatever the seed
    /// or the order of the appeals.
    static func overturns(_ denied: DeniedClaim) -> Bool {
        let timely = denied.reason == "29" && denied.daysToReceipt <= timelyFilingProofDays
        let share = timely ? 90 : overturnPercent[denied.reason] ?? 50
        return Int(SeededRandom.hash("appeal|\(denied.payment.payerClaimNumber ?? "")|\(denied.reason)") % 100) < share
    }

    /// Remembers a denial for a later appeal (the allowed amount of each denied line as the payer prices it).
    mutating func rememberDenial(_ payment: ClaimPayment, reason: String, _ item: Incoming, on date: X12Date) {
        guard let icn = payment.payerClaimNumber else { return }
        var allowed: [String: X12Amount] = [:]
        for (line, sent) in zip(payment.lines, item.claim.lines) where line.paid == .zero && line.adjustments.contains(where: { $0.reason == reason }) {
            if let control = line.lineControlNumber { allowed[control] = price(sent, item) }
        }
        state.payers[item.identity.claimPayerID]!.denied[icn] = DeniedClaim(
            payment: payment, reason: reason, payee: item.payee.party, providerID: item.payee.providerID,
            plan: MemberPlan(payerID: item.payer.id, memberID: item.memberID, filingIndicator: item.filingIndicator),
            allowed: allowed, receivedOn: date)
    }

    /// Answers the appeals of this run: each names a denial by our claim number and the payer's claim control number.
    /// An appeal of a claim the payer does not remember having denied (or already answered) is ignored, as a portal
    /// would answer it with a letter, not an 835.
    mutating func answerAppeals(
        _ appeals: [SimulatedAppeal], into cycles: inout PaymentCycles, outcomes: inout [String: SimulatedOutcome]
    ) {
        for appeal in appeals {
            guard let payerID = state.payers.keys.sorted().first(where: { state.payers[$0]!.denied[appeal.payerClaimNumber] != nil }),
                let denied = state.payers[payerID]!.denied[appeal.payerClaimNumber],
                denied.payment.patientControlNumber == appeal.claimNumber
            else { continue }
            state.payers[payerID]!.denied.removeValue(forKey: appeal.payerClaimNumber)
            guard Self.overturns(denied) else { continue }
            let payer = directory.payer(for: payerID, name: state.payers[payerID]!.name)
            let payee = Payee(
                key: "\(denied.payee.npi ?? denied.payee.id)|\(denied.payee.taxID ?? "")", providerID: denied.providerID,
                party: denied.payee)
            cycles.add(overturned(denied), payer: payer, payee: payee, cycle: .first)
            outcomes[appeal.claimNumber] = .overturnedOnAppeal
        }
    }

    /// The 835 claim payment of an overturned denial: the denied lines paid as the payer prices them (CO-45 and the
    /// patient's part by plan), CLP02 1 under the denial's claim control number.
    mutating func overturned(_ denied: DeniedClaim) -> ClaimPayment {
        var payment = denied.payment
        var lines: [ServicePayment] = []
        for line in denied.payment.lines {
            guard let control = line.lineControlNumber, let allowed = denied.allowed[control] else { continue }
            let patient = patientShare(allowed, copayFirst: lines.isEmpty && denied.payment.status == "4", plan: denied.plan).filter { $0.amount > .zero }
            var adjustments: [Adjustment] = []
            if line.charge - allowed > .zero {
                adjustments.append(Adjustment(group: "CO", reason: "45", amount: line.charge - allowed))
            }
            adjustments += patient
            var paid = line
            paid.paid = allowed - patient.map(\.amount).sum()
            paid.allowed = allowed
            paid.adjustments = adjustments
            paid.remarkCodes = []
            lines.append(paid)
        }
        payment.status = "1"
        payment.lines = lines
        payment.remarkCodes = []
        payment.adjustments = []
        payment.charge = lines.map(\.charge).sum()
        payment.paid = lines.map(\.paid).sum()
        payment.patientResponsibility = lines.flatMap(\.adjustments).filter { $0.group == "PR" }.map(\.amount).sum()
        return payment
    }

    /// Forgets denials of a claim billed again (replaced, voided or sent to the next payer).
    mutating func forgetDenials(claimNumber: String) {
        for payerID in state.payers.keys.sorted() {
            state.payers[payerID]!.denied = state.payers[payerID]!.denied.filter { $0.value.payment.patientControlNumber != claimNumber }
        }
    }
}
