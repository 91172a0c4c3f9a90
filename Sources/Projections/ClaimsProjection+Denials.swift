extension ClaimsProjection {
    /// `claim.denied`: a denial row, counted open unless it arrives resolved.
    static func denied(_ parsed: Parsed, to row: inout ClaimRow, in fold: inout ClaimsFold) throws {
        let event = parsed.event
        let claimID = parsed.claimID
        let date = event.effectiveDate
        guard let denial = parsed.payload.nested("denial"), let denialID = denial.string("denialID") else {
            throw ProjectionError.malformedPayload
        }
        var d = DenialRow(tenantID: row.tenantID, claimID: claimID, denialID: denialID)
        d.payerID = row.payerID
        d.renderingProvider = row.renderingProvider
        let lineIDs = denial.strings("lineIDs")
        d.procedureCodes = Array(Set(lineIDs.compactMap { row.lineCodes[$0] })).sorted().joined(separator: ",")
        let reasons = denial.objects("reasons")
        d.groupCode = reasons.first?.string("group")
        d.carc = reasons.first?.string("reason")
        d.carcAll = reasons.map { "\($0.string("group") ?? "")-\($0.string("reason") ?? "")" }.joined(separator: ",")
        d.rarc = denial.strings("remarks").joined(separator: ",")
        d.amount = try denial.cents("amount")
        d.owner = denial.string("owner")
        d.status = denial.string("status") ?? "open"
        d.openedOn = denial.string("openedOn") ?? date
        d.dueDate = denial.string("dueDate") ?? date
        d.sensitive = row.sensitive
        d.lastPosition = event.position
        if fold.denials[claimID]?[denialID].map({ $0.status != "resolved" }) != true, d.status != "resolved" {
            row.openDenials += 1
        }
        fold.denials[claimID, default: [:]][denialID] = d
        fold.dirtyDenials.insert(.init(claimID: claimID, denialID: denialID))
        row.denialCount += 1
        row.status = "denied"
    }

    /// `denial.assigned` and `claim.appealed`: work on an existing denial (the claim row only records activity).
    static func denialWorked(_ parsed: Parsed, in fold: inout ClaimsFold) {
        let event = parsed.event
        let p = parsed.payload
        let date = event.effectiveDate
        let denialID = p.string("denialID") ?? ""
        if event.eventType == "denial.assigned" {
            let owner = p.string("owner")
            let due = p.string("dueDate")
            fold.updateDenial(parsed.claimID, denialID) { d in
                d.owner = owner
                d.dueDate = due ?? d.dueDate
                if d.status != "resolved" { d.status = "assigned" }
                d.lastPosition = event.position
            }
        } else {
            fold.updateDenial(parsed.claimID, denialID) { d in
                if d.status != "resolved" {
                    d.status = "appealed"
                    d.outcome = "appealed"
                }
                d.appealedOn = d.appealedOn ?? date
                d.lastPosition = event.position
            }
        }
    }
}
