import Billing

/// The `claims` projection's claim tables: `claim_status`, `denials`, `ar_activity` and `ar_open` from the
/// claim events.
///
/// Pure: `apply(event, at: place, to: &fold)` changes rows in memory and reads nothing else, so a replay
/// from zero in any batch sizes gives the same rows as the live runner (the rebuild test checks it row for
/// row). It folds `Claim.Event` as `EventCodec` decodes it (older shapes upcast), never payload keys.
public enum ClaimsProjection {
    /// The projection's name, also its checkpoint consumer (for every table the runner writes).
    public static let name = "claims"

    /// Applies one claim event to the fold. Events about a claim the fold does not hold (and that do not
    /// create it) are ignored: in an as-of replay the claim may not exist yet.
    public static func apply(_ event: Claim.Event, at place: LogPlace, to fold: inout ClaimsFold) {
        if case .created(let created) = event {
            create(created, at: place, in: &fold)
            return
        }
        let claimID = event.claimID.rawValue
        guard var row = fold.claims[claimID] else { return }
        let date = place.effectiveDate
        switch event {
        case .created: return
        case .scrubbed, .submitted, .acknowledged, .rejected: submission(event, on: date, to: &row)
        case .adjudicated(let e): adjudicated(e, at: place, to: &row, in: &fold)
        case .adjudicationReversed(let e): adjudicationReversed(e, at: place, to: &row, in: &fold)
        case .responsibilityTransferred(let e): responsibilityTransferred(e, at: place, to: &row, in: &fold)
        case .denied(let e): denied(e, at: place, to: &row, in: &fold)
        case .denialAssigned, .appealed: denialWorked(event, at: place, claimID: claimID, in: &fold)
        case .corrected(let e): corrected(e, at: place, to: &row, in: &fold)
        case .voided(let e): voided(e, at: place, to: &row, in: &fold)
        case .writtenOff, .patientPaymentApplied, .patientRefunded: balanceMoved(event, at: place, to: &row, in: &fold)
        case .closed: row.status = .closed
        case .reopened: row.status = row.openDenials == 0 ? .adjudicated : .denied
        }
        row.lastActivityOn = max(row.lastActivityOn, date)
        row.lastPosition = place.position
        fold.claims[claimID] = row
        fold.dirtyClaims.insert(claimID)
    }

    /// Sets the lines' codes, the rendering provider and (for a new claim) the dates of service.
    static func setLines(_ lines: [ClaimLine], on row: inout ClaimRow, keepServiceDates: Bool = false) {
        for line in lines { row.lineCodes[line.lineID.rawValue] = line.code }
        if let first = lines.first { row.renderingProvider = first.rendering.rawValue }
        guard let earliest = lines.map(\.dateOfService).min(), let latest = lines.map(\.dateOfService).max() else { return }
        if keepServiceDates && !row.serviceDate.isEmpty {
            // The claim keeps its first date of service: it keys the activity already recorded.
            row.serviceDateLast = max(row.serviceDateLast, latest.description)
        } else {
            row.serviceDate = earliest.description
            row.serviceDateLast = latest.description
        }
    }

    /// Marks denials resolved (once), with an outcome from their status before.
    static func resolve(
        _ ids: [DenialID], of row: inout ClaimRow, in fold: inout ClaimsFold, at place: LogPlace,
        outcome: (DenialStatus) -> DenialOutcome
    ) {
        for id in ids.map(\.rawValue) {
            guard let before = fold.denials[row.claimID]?[id], before.status != .resolved else { continue }
            fold.updateDenial(row.claimID, id) { d in
                d.outcome = outcome(d.status)
                d.status = .resolved
                d.resolvedOn = place.effectiveDate
                d.lastPosition = place.position
            }
            row.openDenials -= 1
        }
    }
}

extension Claim.Event {
    /// The claim the event is about (every claim payload names it).
    var claimID: ClaimID {
        switch self {
        case .created(let e): e.claimID
        case .scrubbed(let e): e.claimID
        case .submitted(let e): e.claimID
        case .acknowledged(let e): e.claimID
        case .rejected(let e): e.claimID
        case .adjudicated(let e): e.claimID
        case .adjudicationReversed(let e): e.claimID
        case .responsibilityTransferred(let e): e.claimID
        case .denied(let e): e.claimID
        case .denialAssigned(let e): e.claimID
        case .appealed(let e): e.claimID
        case .corrected(let e): e.claimID
        case .voided(let e): e.claimID
        case .writtenOff(let e): e.claimID
        case .patientPaymentApplied(let e): e.claimID
        case .patientRefunded(let e): e.claimID
        case .closed(let e): e.claimID
        case .reopened(let e): e.claimID
        }
    }
}
