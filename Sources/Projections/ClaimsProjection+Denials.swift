import Billing

extension ClaimsProjection {
    /// `claim.denied`: a denial row, counted open unless it arrives resolved.
    static func denied(_ e: Claim.Event.Denied, at place: LogPlace, to row: inout ClaimRow, in fold: inout ClaimsFold) {
        let claimID = row.claimID
        let denial = e.denial
        let denialID = denial.denialID.rawValue
        var d = DenialRow(tenantID: row.tenantID, claimID: claimID, denialID: denialID)
        d.payerID = row.payerID
        d.renderingProvider = row.renderingProvider
        d.procedureCodes = Array(Set(denial.lineIDs.compactMap { row.lineCodes[$0.rawValue] })).sorted().joined(separator: ",")
        d.groupCode = denial.reasons.first?.group.rawValue
        d.carc = denial.reasons.first?.reason
        d.carcAll = denial.reasons.map { "\($0.group.rawValue)-\($0.reason)" }.joined(separator: ",")
        d.rarc = denial.remarks.joined(separator: ",")
        d.amount = denial.amount.cents
        d.owner = denial.owner?.rawValue
        d.status = denial.status
        d.openedOn = denial.openedOn.description
        d.dueDate = denial.dueDate.description
        d.sensitive = row.sensitive
        d.lastPosition = place.position
        if fold.denials[claimID]?[denialID].map({ $0.status != .resolved }) != true, d.status != .resolved {
            row.openDenials += 1
        }
        fold.denials[claimID, default: [:]][denialID] = d
        fold.dirtyDenials.insert(.init(claimID: claimID, denialID: denialID))
        row.denialCount += 1
        row.status = .denied
    }

    /// `denial.assigned` and `claim.appealed`: work on an existing denial (the claim row only records activity).
    static func denialWorked(_ event: Claim.Event, at place: LogPlace, claimID: String, in fold: inout ClaimsFold) {
        switch event {
        case .denialAssigned(let e):
            fold.updateDenial(claimID, e.denialID.rawValue) { d in
                d.owner = e.owner.rawValue
                d.dueDate = e.dueDate.description
                if d.status != .resolved { d.status = .assigned }
                d.lastPosition = place.position
            }
        case .appealed(let e):
            fold.updateDenial(claimID, e.denialID.rawValue) { d in
                if d.status != .resolved {
                    d.status = .appealed
                    d.outcome = .appealed
                }
                d.appealedOn = d.appealedOn ?? place.effectiveDate
                d.lastPosition = place.position
            }
        default:
            return
        }
    }
}
