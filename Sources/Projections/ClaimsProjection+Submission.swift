import Billing

extension ClaimsProjection {
    /// `claim.created`: a new row, its charges as insurance balance and as activity.
    static func create(_ e: Claim.Event.Created, at place: LogPlace, in fold: inout ClaimsFold) {
        let claimID = e.claimID.rawValue
        let date = place.effectiveDate
        var row = ClaimRow(tenantID: fold.tenantID, claimID: claimID)
        row.claimNumber = e.claimNumber.rawValue
        row.patientKey = e.patientKey.rawValue
        row.payerID = e.payerID.rawValue
        row.primaryPayerID = row.payerID
        row.payerOrder = e.payerOrder ?? .primary
        setLines(e.lines, on: &row)
        row.createdOn = date
        row.charges = e.charges.cents
        row.insuranceBalance = row.charges
        row.sensitive = e.substanceUse
        row.lastActivityOn = date
        row.lastPosition = place.position
        fold.claims[claimID] = row
        fold.dirtyClaims.insert(claimID)
        let charges = row.charges
        fold.addActivity(row, on: date) { $0.charges += charges }
    }

    /// `claim.scrubbed`, `claim.submitted`, `claim.acknowledged`, `claim.rejected`: the way to the payer.
    static func submission(_ event: Claim.Event, on date: String, to row: inout ClaimRow) {
        switch event {
        case .scrubbed(let e):
            if !e.passed && row.firstSubmittedOn == nil { row.scrubFailed = true }
            row.lastScrubFailed = !e.passed
        case .submitted(let e) where e.frequency == .void:
            // The void sent (frequency 8): the claim is voided; it is no submission of the claim itself.
            row.status = .voided
        case .acknowledged where row.status == .voided:
            break
        case .rejected where row.status == .voided:
            row.status = .voidPending
        case .submitted(let e):
            if row.firstSubmittedOn == nil {
                row.cleanClaim = !row.scrubFailed
            } else if row.firstAdjudicatedOn == nil {
                row.cleanClaim = false
            }
            row.status = .submitted
            row.submissionCount += 1
            if row.payerSubmittedOn != nil { row.resubmissionCount += 1 }
            row.firstSubmittedOn = row.firstSubmittedOn ?? date
            row.payerSubmittedOn = row.payerSubmittedOn ?? date
            row.lastSubmittedOn = date
            row.sensitive = row.sensitive || e.substanceUse
        case .acknowledged:
            row.status = .acknowledged
            row.acknowledgedOn = row.acknowledgedOn ?? date
        case .rejected:
            if row.firstAdjudicatedOn == nil { row.cleanClaim = false }
            row.status = .rejected
            row.rejectionCount += 1
        default:
            return
        }
    }
}
