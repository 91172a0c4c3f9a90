import Billing

/// The read models' indexes: `claim_index` (from `claim.created`), `session_index` (from `session.logged`,
/// following `session.corrected` and `session.voided`, and `claim.created` for the claim that billed it) and `account_index` (from `account.opened`).
/// Pure, like the claims projection: events about a session the fold does not hold are ignored.
public enum IndexProjection {
    /// Applies one event (other families and types leave the fold unchanged).
    public static func apply(_ event: BillingEvent, at place: LogPlace, to fold: inout IndexFold) {
        switch event {
        case .claim(.created(let e)):
            fold.claims[e.claimID.rawValue] = ClaimIndexRow(
                tenantID: fold.tenantID, claimID: e.claimID.rawValue, claimNumber: e.claimNumber.rawValue,
                patientKey: e.patientKey.rawValue, payerID: e.payerID.rawValue, createdOn: place.effectiveDate,
                position: place.position)
            // Its sessions are now on a claim (the first claim that billed each is kept).
            for sessionID in Set(e.lines.map(\.sessionID.rawValue)) {
                fold.updateSession(sessionID) { row in
                    if row.claimID == nil { row.claimID = e.claimID.rawValue }
                    row.lastPosition = place.position
                }
            }
        case .account(.opened(let e)):
            fold.accounts[e.patientKey.rawValue] = AccountIndexRow(
                tenantID: fold.tenantID, patientKey: e.patientKey.rawValue, openedOn: place.effectiveDate, position: place.position)
        case .session(let e):
            session(e, at: place, to: &fold)
        default:
            return
        }
    }

    /// A session logged, corrected (patient and date of service at their new values) or voided.
    static func session(_ event: Session.Event, at place: LogPlace, to fold: inout IndexFold) {
        switch event {
        case .logged(let e):
            let id = e.record.sessionID.rawValue
            fold.sessions[id] = SessionIndexRow(
                tenantID: fold.tenantID, sessionID: id, patientKey: e.record.patientKey.rawValue,
                dateOfService: e.record.dateOfService.description, loggedOn: place.effectiveDate, loggedPosition: place.position,
                lastPosition: place.position, rendering: e.record.rendering.rawValue)
            fold.dirtySessions.insert(id)
        case .corrected(let e):
            fold.updateSession(e.record.sessionID.rawValue) { row in
                row.patientKey = e.record.patientKey.rawValue
                row.dateOfService = e.record.dateOfService.description
                row.rendering = e.record.rendering.rawValue
                row.lastPosition = place.position
            }
        case .voided(let e):
            fold.updateSession(e.sessionID.rawValue) { row in
                row.voided = true
                row.lastPosition = place.position
            }
        }
    }
}
