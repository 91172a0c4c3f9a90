import Billing
import X12

/// Turns one 835 transaction set into a posting plan for the billing domain. Pure: claims come from the
/// caller's lookup; every command is tried against the claim's state (and the states the earlier commands
/// of the same payment produce), and what a claim refuses becomes unapplied remittance, never lost.
///
/// Mapping (see `docs/billing-x12.md`): CLP02 22 → `.reverseAdjudication(payerClaimNumber: CLP07)`; any other
/// CLP02 → `.adjudicate` with CAS as `CASAdjustment`s, which the claim decider posts (CO/PI/OA adjustments,
/// OA-23 recorded only, PR-1/2/3 deductible/coinsurance/copay, denials for CLP02 4 or a zero-paid line with a
/// non-45 CO/OA/PI reason).
public enum RemittancePosting {
    /// Choices the caller makes for a payment.
    public struct Options: Sendable, Equatable {
        /// The date used when the file has neither BPR16 nor DTM*405.
        public var receivedOn: LocalDate
        /// Our payer id for the remittance; nil: REF*2U, else TRN03.
        public var payerID: PayerID?

        /// Options.
        public init(receivedOn: LocalDate, payerID: PayerID? = nil) {
            self.receivedOn = receivedOn
            self.payerID = payerID
        }
    }

    /// The posting plan of `remittance`.
    public static func plan(_ remittance: Remittance, lookup: RemittanceLookup, options: Options) -> RemittancePlan {
        let date =
            remittance.payment.date.map { LocalDate($0) } ?? remittance.productionDate.map { LocalDate($0) }
            ?? options.receivedOn
        let payerText = options.payerID?.rawValue ?? remittance.payerIdentifier ?? ""
        let payer = PayerID(payerText)
        let key = PaymentKey(
            payerID: payerText, traceNumber: remittance.trace.number, amount: Money(remittance.payment.signedAmount),
            paymentDate: remittance.payment.date?.x12)
        var plans: [ClaimPostingPlan] = []
        var planIndex: [ClaimNumber: Int] = [:]
        var states: [ClaimNumber: Claim.State] = [:]
        var unapplied: [UnappliedRemittance] = []

        for (index, clp) in remittance.claims.enumerated() {
            func refuse(_ reason: UnappliedRemittance.Reason) {
                unapplied.append(entry(clp, index: index, reason: reason))
            }
            guard let number = ClaimNumber(clp.patientControlNumber), let context = lookup.claim(number),
                let claimID = context.claim.claimID
            else {
                refuse(.unknownClaim)
                continue
            }
            let state = states[number] ?? context.claim
            let period = context.practice.postingPeriod(for: date)
            let command: Claim.Command
            if clp.isReversal {
                guard let icn = clp.payerClaimNumber else {
                    refuse(.missingPayerClaimNumber)
                    continue
                }
                command = .reverseAdjudication(payerClaimNumber: icn, on: date, period: period)
            } else {
                let built = adjudication(
                    clp, index: index, state: state, payer: payer, date: date, trace: remittance.trace.number)
                switch built {
                case .failure(let reason):
                    refuse(reason)
                    continue
                case .success(let (adjudication, unmatched)):
                    unapplied += unmatched
                    let denialID = DenialID("den-\(remittance.trace.number)-\(remittance.controlNumber)-\(index + 1)")
                    let adjudicationContext = Claim.AdjudicationContext(
                        denialID: denialID, claim: state, practice: context.practice, patient: context.patient)
                    command = .adjudicate(adjudication, context: adjudicationContext, on: date, period: period)
                }
            }
            do {
                let events = try Claim.decide(command, state)
                states[number] = Claim.replay(events, from: state)
                if let at = planIndex[number] {
                    plans[at].commands.append(command)
                    plans[at].previewEvents += events
                } else {
                    planIndex[number] = plans.count
                    plans.append(
                        ClaimPostingPlan(
                            claimID: claimID, claimNumber: number, commands: [command], previewEvents: events))
                }
            } catch {
                refuse(.refused(error.description))
            }
        }

        let adjustments = remittance.providerAdjustments.flatMap { plb in
            plb.items.map { item in
                let kind: ProviderLevelAdjustment.Kind =
                    switch item.reason {
                    case "L6", "CT": .interest
                    case "WO", "WU": .recoupment
                    case "FB": .forwardingBalance
                    default: .other
                    }
                return ProviderLevelAdjustment(
                    providerID: plb.providerID, fiscalPeriodDate: LocalDate(plb.fiscalPeriodDate), reason: item.reason,
                    reference: item.reference, amount: Money(item.amount), kind: kind,
                    claimNumber: item.reference.flatMap { lookup.claimNumberForPayerClaimNumber($0) })
            }
        }
        let balance = PaymentBalance(
            stated: Money(remittance.payment.signedAmount), claimsPaid: Money(remittance.claimPaidTotal),
            providerAdjustments: Money(remittance.providerAdjustmentTotal),
            findings: remittance.balanceFindings().map(\.description))
        return RemittancePlan(
            key: key, transactionControlNumber: remittance.controlNumber, effectiveDate: date, balance: balance,
            claims: plans, unapplied: unapplied, providerAdjustments: adjustments)
    }

    /// The adjudication of one CLP, lines matched by REF*6R then by code and date; unmatched lines come back
    /// as unapplied entries.
    static func adjudication(
        _ clp: ClaimPayment, index: Int, state: Claim.State, payer: PayerID, date: LocalDate, trace: String
    ) -> Result<(Adjudication, [UnappliedRemittance]), UnappliedRemittance.Reason> {
        if let bad = clp.allAdjustments.first(where: { GroupCode(rawValue: $0.group) == nil }) {
            return .failure(.invalidAdjustmentGroup(bad.group))
        }
        guard !clp.lines.isEmpty else {
            guard let lines = spread(clp, over: state) else { return .failure(.noServiceLines) }
            let adjudication = Adjudication(
                statusCode: clp.status, payerClaimNumber: clp.payerClaimNumber ?? "", payerID: payer,
                adjudicatedOn: date, paymentTrace: trace, lines: lines, remarks: clp.remarkCodes,
                forwardedTo: forwardedTo(clp))
            return .success((adjudication, []))
        }
        var used = Set<LineID>()
        var lines: [LineAdjudication] = []
        var unmatched: [UnappliedRemittance] = []
        for svc in clp.lines {
            guard let line = match(svc, in: state, excluding: used) else {
                var item = entry(clp, index: index, reason: .unmatchedLine)
                item.lineControlNumber = svc.lineControlNumber
                item.procedureCode = svc.procedure.code
                item.charge = Money(svc.charge)
                item.paid = Money(svc.paid)
                item.segmentNumber = svc.segmentNumber
                unmatched.append(item)
                continue
            }
            used.insert(line.lineID)
            lines.append(
                LineAdjudication(
                    lineID: line.lineID, code: svc.procedure.code, charge: Money(svc.charge), paid: Money(svc.paid),
                    allowed: svc.allowed.map { Money($0) }, unitsPaid: svc.units.map { Quantity($0) },
                    adjustments: svc.adjustments.map(cas), remarks: svc.remarkCodes))
        }
        guard !lines.isEmpty else { return .failure(.unmatchedLine) }
        let adjudication = Adjudication(
            statusCode: clp.status, payerClaimNumber: clp.payerClaimNumber ?? "", payerID: payer, adjudicatedOn: date,
            paymentTrace: trace, claimAdjustments: clp.adjustments.map(cas), lines: lines, remarks: clp.remarkCodes,
            forwardedTo: forwardedTo(clp))
        return .success((adjudication, unmatched))
    }

    /// A CLP without service lines (common in denial notifications) spread over the claim's open lines, in
    /// order: CLP04 first, then each claim-level CAS, each line taking at most its charge. Only when CLP03 is the
    /// open lines' charge, the claim balances and no amount is negative; else nil (unapplied).
    static func spread(_ clp: ClaimPayment, over state: Claim.State) -> [LineAdjudication]? {
        let open = state.lines.filter { state.lineStatus[$0.lineID] != .adjudicated }
        let charge = open.map(\.charge).sum()
        let adjustments = clp.adjustments.map(cas)
        guard !open.isEmpty, Money(clp.charge) == charge, Money(clp.paid) >= .zero,
            adjustments.allSatisfy({ $0.amount >= .zero }),
            charge - Money(clp.paid) == adjustments.map(\.amount).sum()
        else { return nil }
        var paidLeft = Money(clp.paid)
        var lines = open.map { line in
            let paid = min(paidLeft, line.charge)
            paidLeft -= paid
            return LineAdjudication(lineID: line.lineID, code: line.code, charge: line.charge, paid: paid)
        }
        for adjustment in adjustments {
            var left = adjustment.amount
            for index in lines.indices where left > .zero {
                let room = lines[index].charge - lines[index].paid - lines[index].adjustments.map(\.amount).sum()
                let part = min(room, left)
                guard part > .zero else { continue }
                lines[index].adjustments.append(
                    CASAdjustment(adjustment.group, adjustment.reason, part, quantity: adjustment.quantity))
                left -= part
            }
        }
        return lines
    }

    /// The claim line an SVC adjudicates: REF*6R first, else the submitted (SVC06) or adjudicated code on the
    /// same date of service.
    static func match(_ svc: ServicePayment, in state: Claim.State, excluding used: Set<LineID>) -> ClaimLine? {
        if let control = svc.lineControlNumber,
            let line = state.lines.first(where: { $0.lineID.rawValue == control && !used.contains($0.lineID) })
        {
            return line
        }
        guard let date = svc.serviceDate?.start else { return nil }
        let codes = Set([svc.submittedProcedure?.code, svc.procedure.code].compactMap { $0 })
        return state.lines.first {
            codes.contains($0.code) && $0.dateOfService == LocalDate(date) && !used.contains($0.lineID)
        }
    }

    /// The crossover carrier a forwarded claim (CLP02 19–21) names in NM1*TT: a payer's name and id, not PHI.
    static func forwardedTo(_ clp: ClaimPayment) -> String? {
        guard ["19", "20", "21"].contains(clp.status), let carrier = clp.crossoverCarrier else { return nil }
        let name = carrier.name.value.last
        return carrier.id.map { "\(name) (\($0.value))" } ?? name
    }

    static func cas(_ adjustment: Adjustment) -> CASAdjustment {
        CASAdjustment(
            GroupCode(rawValue: adjustment.group)!, adjustment.reason, Money(adjustment.amount),
            quantity: adjustment.quantity.map { Quantity($0) })
    }

    static func entry(_ clp: ClaimPayment, index: Int, reason: UnappliedRemittance.Reason) -> UnappliedRemittance {
        UnappliedRemittance(
            reason: reason, patientControlNumber: clp.patientControlNumber, statusCode: clp.status,
            payerClaimNumber: clp.payerClaimNumber, charge: Money(clp.charge), paid: Money(clp.paid),
            claimIndex: index, segmentNumber: clp.segmentNumber)
    }
}
