import Billing

extension ClaimsProjection {
    /// `claim.adjudicated`: the payer's payment and adjustments, first-pass figures, denials it resolves.
    static func adjudicated(_ e: Claim.Event.Adjudicated, at place: LogPlace, to row: inout ClaimRow, in fold: inout ClaimsFold) {
        let date = place.effectiveDate
        let paid = e.posting.paid.cents
        let adjusted = e.posting.adjustments.cents
        let denied = e.posting.denied.cents
        row.insurancePaid += paid
        row.adjustments += adjusted
        row.insuranceBalance -= paid + adjusted
        if row.firstAdjudicatedOn == nil {
            row.firstAdjudicatedOn = date
            row.firstAdjudicationCharges = e.adjudication.lines.reduce(0) { $0 + $1.charge.cents }
            row.firstAdjudicationPaid = paid
            row.firstAdjudicationDenied = denied
            let deniedFirst = denied > 0 || e.adjudication.isClaimDenied
            row.firstPassDenied = deniedFirst
            row.firstPassPaid = paid > 0 && !deniedFirst && row.rejectionCount == 0 && row.resubmissionCount == 0
            if deniedFirst { row.cleanClaim = false }
        }
        row.lastAdjudicatedOn = date
        resolve(e.resolvedDenials, of: &row, in: &fold, at: place) { $0 == .appealed ? .paidAfterAppeal : .paid }
        row.status = row.openDenials == 0 ? .adjudicated : .denied
        fold.addActivity(row, on: date) {
            $0.insurancePaid += paid
            $0.adjustments += adjusted
        }
    }

    /// `claim.adjudication_reversed`: the payment and adjustments taken back, the patient's share returned.
    static func adjudicationReversed(
        _ e: Claim.Event.AdjudicationReversed, at place: LogPlace, to row: inout ClaimRow, in fold: inout ClaimsFold
    ) {
        let paid = e.posting.paid.cents
        let adjusted = e.posting.adjustments.cents
        let returned = e.returnedFromPatient.cents
        row.insurancePaid -= paid
        row.adjustments -= adjusted
        row.insuranceBalance += paid + adjusted + returned
        row.patientBalance -= returned
        row.patientResponsibility -= returned
        row.payerID = e.payerID.rawValue
        row.payerOrder = e.payerOrder
        resolve(e.resolvedDenials, of: &row, in: &fold, at: place) { _ in .reversed }
        row.status = .acknowledged
        fold.addActivity(row, on: place.effectiveDate) {
            $0.insurancePaid -= paid
            $0.adjustments -= adjusted
        }
    }

    /// `claim.responsibility_transferred`: to the patient, or to the next payer (resolving the patient-responsibility
    /// denials it names).
    static func responsibilityTransferred(
        _ e: Claim.Event.ResponsibilityTransferred, at place: LogPlace, to row: inout ClaimRow, in fold: inout ClaimsFold
    ) {
        let date = place.effectiveDate
        let amount = e.amount.cents
        resolve(e.resolvedDenials ?? [], of: &row, in: &fold, at: place) { _ in .transferred }
        if row.status == .denied && row.openDenials == 0 { row.status = .adjudicated }
        switch e.to {
        case .patient:
            if row.patientBalance <= 0 { row.patientBilledOn = date }
            row.insuranceBalance -= amount
            row.patientBalance += amount
            row.patientResponsibility += amount
        case .payer(let payer, let order):
            row.payerID = payer.rawValue
            row.payerOrder = order
            row.status = .awaitingNextPayer
            row.payerSubmittedOn = nil
        }
    }
}
