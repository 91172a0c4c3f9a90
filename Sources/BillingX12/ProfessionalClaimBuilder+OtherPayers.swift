import Billing
import X12

/// Loops 2320, 2330A, 2330B and 2430 of a secondary or tertiary claim: what each earlier payer in the patient's
/// order did with it, from that payer's 835 as the claim recorded it (005010X222A1: 2320 claim-level CAS, AMT*D
/// paid, AMT*EAF remaining patient liability; 2330A the other subscriber; 2330B the other payer by its X12 id; 2430
/// per line SVD paid, the line's CAS and DTP*573).
extension ProfessionalClaimBuilder {
    /// One earlier payer's standing adjudications of the claim (a payer that split its payment has several).
    struct EarlierPayer {
        var payerID: PayerID
        var order: PayerOrder
        var identity: SubmissionPayer
        var records: [Claim.AdjudicationRecord]

        /// Loop 2430 for `line`, when this payer adjudicated it.
        func lineAdjudication(of line: ClaimLine) -> [ProfessionalClaim.LineAdjudication] {
            records.compactMap { record in
                guard let adjudicated = record.adjudication.lines.first(where: { $0.lineID == line.lineID }) else { return nil }
                let owed = adjudicated.adjustments.filter { $0.group == .patient }.map(\.amount).sum()
                return ProfessionalClaim.LineAdjudication(
                    payerID: identity.x12PayerID, paid: adjudicated.paid.x12Amount,
                    procedure: ProcedureCode(code: line.code, modifiers: line.modifiers),
                    units: (adjudicated.unitsPaid ?? line.units).x12Quantity,
                    adjustments: adjudicated.adjustments.map(Self.adjustment),
                    adjudicationDate: record.adjudication.adjudicatedOn.x12Date,
                    remainingPatientLiability: owed > .zero ? owed.x12Amount : nil)
            }
        }

        static func adjustment(_ cas: CASAdjustment) -> Adjustment {
            Adjustment(group: cas.group.rawValue, reason: cas.reason, amount: cas.amount.x12Amount)
        }
    }

    /// The payers before the claim's current one that adjudicated it and were not reversed, in order.
    func earlierPayers(_ state: Claim.State) throws(SubmissionError) -> [EarlierPayer] {
        var result: [EarlierPayer] = []
        for record in state.adjudications where !record.reversed && record.payerOrder < state.payerOrder {
            let payer = record.adjudication.payerID
            if let index = result.firstIndex(where: { $0.payerID == payer }) {
                result[index].records.append(record)
                continue
            }
            guard let identity = payers[payer] else { throw .payerWithoutIdentity(payer) }
            result.append(EarlierPayer(payerID: payer, order: record.payerOrder, identity: identity, records: [record]))
        }
        return result.sorted { $0.order < $1.order }
    }

    /// The other subscriber (loop 2330A) under a coverage with `relation` to the patient.
    private func otherSubscriber(_ submission: ClaimSubmission, relation: SubscriberRelation, number: ClaimNumber)
        throws(SubmissionError) -> SubscriberClaims.Person
    {
        let subscriber = relation == .self ? submission.patient : submission.subscriber ?? submission.patient
        let memberID = relation == .self ? subscriber.memberID : submission.patient.subscriberID ?? subscriber.memberID
        return try SubmissionIdentity.person(subscriber, claim: number, memberID: memberID, requireAddress: false)
    }

    /// Loop 2320 with 2330A and 2330B: one per earlier payer, with its adjudication, then one per later payer the
    /// patient has on the date of service, without (005010X222A1 2320: "required when other payers are known to
    /// potentially be involved in paying on this claim").
    func otherPayers(_ submission: ClaimSubmission, _ earlier: [EarlierPayer], number: ClaimNumber)
        throws(SubmissionError) -> [ProfessionalClaim.OtherPayer]
    {
        var result: [ProfessionalClaim.OtherPayer] = []
        for payer in earlier {
            let coverage = submission.earlierCoverages.first { $0.payerID == payer.payerID }
            let relation = coverage?.relation ?? submission.coverage.relation
            let person = try otherSubscriber(submission, relation: relation, number: number)
            let claimAdjustments = payer.records.flatMap(\.adjudication.claimAdjustments).map(EarlierPayer.adjustment)
            let owed = payer.records.map(\.posting.patientResponsibility.total).sum()
            result.append(
                ProfessionalClaim.OtherPayer(
                    payerSequence: SubmissionIdentity.sequence(payer.order),
                    relationship: SubmissionIdentity.relationship(relation), filingIndicator: payer.identity.filingIndicator,
                    adjustments: claimAdjustments, paidAmount: payer.records.map(\.posting.paid).sum().x12Amount,
                    subscriber: person,
                    payer: SubscriberClaims.Payer(name: Self.plain(payer.identity.name), id: payer.identity.x12PayerID),
                    adjudicationDate: payer.records.map(\.adjudication.adjudicatedOn).max()?.x12Date,
                    remainingPatientLiability: owed.x12Amount))
        }
        let state = submission.claim
        let later = submission.laterCoverages.filter { $0.order > state.payerOrder && $0.payerID != state.payerID }
        for coverage in later.sorted(by: { ($0.order, $0.id) < ($1.order, $1.id) }) {
            guard let identity = payers[coverage.payerID] else { throw .payerWithoutIdentity(coverage.payerID) }
            result.append(
                ProfessionalClaim.OtherPayer(
                    payerSequence: SubmissionIdentity.sequence(coverage.order),
                    relationship: SubmissionIdentity.relationship(coverage.relation),
                    filingIndicator: identity.filingIndicator,
                    subscriber: try otherSubscriber(submission, relation: coverage.relation, number: number),
                    payer: SubscriberClaims.Payer(name: Self.plain(identity.name), id: identity.x12PayerID)))
        }
        return result
    }
}
