import Billing

/// `aging_history`: each claim's aging state by business date, so that aging as of a date reads one range per
/// claim instead of replaying the practice's log (decision 0303).
///
/// An as-of replay to date D folds the events effective on or before D in log order. The events arrive here in
/// log order too, so an event effective on E changes the state of every date on or after E and of no date before
/// it: the range holding E is split at E, and the event is applied to every range from E on. A claim's ranges
/// therefore hold, for every date, what the replay to that date gives, the same rule whatever the batch sizes
/// (the rebuild comparison holds it row for row). Pure, like `ClaimsProjection`.
public enum AgingHistoryProjection {
    /// Applies one claim event. Events about a claim the fold does not hold (and that do not create it) are
    /// ignored, as the claims projection ignores them.
    public static func apply(_ event: Claim.Event, at place: LogPlace, to fold: inout AgingHistoryFold) {
        let date = place.effectiveDate
        let claimID = event.claimID.rawValue
        if case .created(let created) = event {
            guard fold.claims[claimID] == nil else { return }
            let row = AgingHistoryRow(
                tenantID: fold.tenantID, claimID: claimID, validFrom: date, validUntil: nil, state: initial(created, on: date))
            fold.claims[claimID] = [row]
            fold.dirty.insert(.init(claimID: claimID, validFrom: date))
            return
        }
        guard var rows = fold.claims[claimID], !rows.isEmpty else { return }
        if let index = rows.firstIndex(where: { $0.validFrom < date && $0.holds(date) }) {
            var later = rows[index]
            later.validFrom = date
            rows[index].validUntil = date
            rows.insert(later, at: index + 1)
            fold.dirty.insert(.init(claimID: claimID, validFrom: rows[index].validFrom))
            fold.dirty.insert(.init(claimID: claimID, validFrom: date))
        }
        for index in rows.indices where rows[index].validFrom >= date {
            let after = evolve(rows[index].state, event, on: date)
            if after != rows[index].state {
                rows[index].state = after
                fold.dirty.insert(.init(claimID: claimID, validFrom: rows[index].validFrom))
            }
        }
        fold.claims[claimID] = rows
    }

    /// A new claim's state, as `claim.created` leaves its `claim_status` row.
    static func initial(_ e: Claim.Event.Created, on date: String) -> AgingState {
        var state = AgingState()
        state.payerID = e.payerID.rawValue
        state.renderingProvider = e.lines.first?.rendering.rawValue ?? ""
        state.serviceDate = e.lines.map(\.dateOfService).min()?.description ?? ""
        state.createdOn = date
        state.lastActivityOn = date
        state.insuranceBalance = e.charges.cents
        return state
    }

    /// The state after one event effective on `date`, with the claims projection's rules for these fields.
    static func evolve(_ before: AgingState, _ event: Claim.Event, on date: String) -> AgingState {
        var s = before
        s.lastActivityOn = max(s.lastActivityOn, date)
        switch event {
        case .submitted(let e) where e.frequency != .void:
            s.payerSubmittedOn = s.payerSubmittedOn ?? date
        case .adjudicated(let e):
            s.insuranceBalance -= e.posting.paid.cents + e.posting.adjustments.cents
        case .adjudicationReversed(let e):
            let returned = e.returnedFromPatient.cents
            s.insuranceBalance += e.posting.paid.cents + e.posting.adjustments.cents + returned
            s.patientBalance -= returned
            s.payerID = e.payerID.rawValue
        case .responsibilityTransferred(let e):
            switch e.to {
            case .patient:
                if s.patientBalance <= 0 { s.patientBilledOn = date }
                s.insuranceBalance -= e.amount.cents
                s.patientBalance += e.amount.cents
            case .payer(let payer, _):
                s.payerID = payer.rawValue
                s.payerSubmittedOn = nil
            }
        case .corrected(let e):
            s.insuranceBalance += e.chargeChange.cents
            if let first = e.lines.first { s.renderingProvider = first.rendering.rawValue }
        case .voided(let e):
            let fromPatient = e.returnedFromPatient?.cents ?? 0
            s.insuranceBalance -= e.chargesReversed.cents - fromPatient
            s.patientBalance -= fromPatient
        case .writtenOff(let e):
            if e.side == .patient { s.patientBalance -= e.amount.cents } else { s.insuranceBalance -= e.amount.cents }
        case .patientPaymentApplied(let e):
            s.patientBalance -= e.amount.cents
        case .patientRefunded(let e):
            s.patientBalance += e.amount.cents
        default:
            break
        }
        return s
    }
}
