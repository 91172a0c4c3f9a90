extension ClaimsProjection {
    /// `claim.created`: a new row, its charges as insurance balance and as activity.
    static func create(_ parsed: Parsed, in fold: inout ClaimsFold) throws {
        let event = parsed.event
        let p = parsed.payload
        let claimID = parsed.claimID
        let date = event.effectiveDate
        var row = ClaimRow(tenantID: event.tenantID, claimID: claimID)
        row.claimNumber = p.string("claimNumber") ?? ""
        row.patientKey = p.string("patientKey") ?? ""
        row.payerID = p.string("payerID") ?? ""
        row.primaryPayerID = row.payerID
        setLines(p.objects("lines"), on: &row)
        row.createdOn = date
        row.charges = try p.cents("charges")
        row.insuranceBalance = row.charges
        row.sensitive = p.bool("substanceUse")
        row.lastActivityOn = date
        row.lastPosition = event.position
        fold.claims[claimID] = row
        fold.dirtyClaims.insert(claimID)
        let charges = row.charges
        fold.addActivity(row, on: date) { $0.charges += charges }
    }

    /// `claim.scrubbed`, `claim.submitted`, `claim.acknowledged`, `claim.rejected`: the way to the payer.
    static func submission(_ parsed: Parsed, to row: inout ClaimRow) {
        let p = parsed.payload
        let date = parsed.event.effectiveDate
        switch parsed.event.eventType {
        case "claim.scrubbed":
            if !p.bool("passed") && row.firstSubmittedOn == nil { row.scrubFailed = true }
        case "claim.submitted":
            if row.firstSubmittedOn == nil {
                row.cleanClaim = !row.scrubFailed
            } else if row.firstAdjudicatedOn == nil {
                row.cleanClaim = false
            }
            row.status = "submitted"
            row.submissionCount += 1
            if row.payerSubmittedOn != nil { row.resubmissionCount += 1 }
            row.firstSubmittedOn = row.firstSubmittedOn ?? date
            row.payerSubmittedOn = row.payerSubmittedOn ?? date
            row.lastSubmittedOn = date
            row.sensitive = row.sensitive || p.bool("substanceUse")
        case "claim.acknowledged":
            row.status = "acknowledged"
            row.acknowledgedOn = row.acknowledgedOn ?? date
        case "claim.rejected":
            if row.firstAdjudicatedOn == nil { row.cleanClaim = false }
            row.status = "rejected"
            row.rejectionCount += 1
        default:
            return
        }
    }
}
