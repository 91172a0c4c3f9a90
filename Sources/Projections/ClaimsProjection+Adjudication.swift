extension ClaimsProjection {
    /// `claim.adjudicated`: the payer's payment and adjustments, first-pass figures, denials it resolves.
    static func adjudicated(_ parsed: Parsed, to row: inout ClaimRow, in fold: inout ClaimsFold) throws {
        let event = parsed.event
        let p = parsed.payload
        let date = event.effectiveDate
        let posting = p.nested("posting") ?? .empty
        let paid = try posting.cents("paid")
        let adjusted = try posting.cents("adjustments")
        let denied = try posting.cents("denied")
        row.insurancePaid += paid
        row.adjustments += adjusted
        row.insuranceBalance -= paid + adjusted
        let adjudication = p.nested("adjudication") ?? .empty
        if row.firstAdjudicatedOn == nil {
            row.firstAdjudicatedOn = date
            row.firstAdjudicationCharges = try adjudication.objects("lines").reduce(0) { try $0 + $1.cents("charge") }
            row.firstAdjudicationPaid = paid
            row.firstAdjudicationDenied = denied
            let deniedFirst = denied > 0 || adjudication.string("statusCode") == "4"
            row.firstPassDenied = deniedFirst
            row.firstPassPaid = paid > 0 && !deniedFirst && row.rejectionCount == 0 && row.resubmissionCount == 0
            if deniedFirst { row.cleanClaim = false }
        }
        row.lastAdjudicatedOn = date
        resolve(p.strings("resolvedDenials"), of: &row, in: &fold, on: date, position: event.position) { status in
            status == "appealed" ? "paid_after_appeal" : "paid"
        }
        row.status = row.openDenials == 0 ? "adjudicated" : "denied"
        fold.addActivity(row, on: date) {
            $0.insurancePaid += paid
            $0.adjustments += adjusted
        }
    }

    /// `claim.adjudication_reversed`: the payment and adjustments taken back, the patient's share returned.
    static func adjudicationReversed(_ parsed: Parsed, to row: inout ClaimRow, in fold: inout ClaimsFold) throws {
        let event = parsed.event
        let p = parsed.payload
        let date = event.effectiveDate
        let posting = p.nested("posting") ?? .empty
        let paid = try posting.cents("paid")
        let adjusted = try posting.cents("adjustments")
        let returned = try p.cents("returnedFromPatient")
        row.insurancePaid -= paid
        row.adjustments -= adjusted
        row.insuranceBalance += paid + adjusted + returned
        row.patientBalance -= returned
        row.patientResponsibility -= returned
        row.payerID = p.string("payerID") ?? row.payerID
        row.payerOrder = p.string("payerOrder") ?? row.payerOrder
        resolve(p.strings("resolvedDenials"), of: &row, in: &fold, on: date, position: event.position) { _ in
            "reversed"
        }
        row.status = "acknowledged"
        fold.addActivity(row, on: date) {
            $0.insurancePaid -= paid
            $0.adjustments -= adjusted
        }
    }

    /// `claim.responsibility_transferred`: to the patient, or to the next payer.
    static func responsibilityTransferred(_ parsed: Parsed, to row: inout ClaimRow) throws {
        let p = parsed.payload
        let amount = try p.cents("amount")
        let to = p.nested("to") ?? .empty
        if to.string("kind") == "patient" {
            if row.patientBalance <= 0 { row.patientBilledOn = parsed.event.effectiveDate }
            row.insuranceBalance -= amount
            row.patientBalance += amount
            row.patientResponsibility += amount
        } else {
            row.payerID = to.string("payerID") ?? row.payerID
            row.payerOrder = to.string("order") ?? row.payerOrder
            row.status = "awaiting_next_payer"
            row.payerSubmittedOn = nil
        }
    }
}
