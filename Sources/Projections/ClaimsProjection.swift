import Foundation

/// The `claims` projection: `claim_status`, `denials`, `ar_activity` and `ar_open` from the claim events.
///
/// Pure: `apply(event, to: &fold)` changes rows in memory and reads nothing else, so a replay from zero
/// in any batch sizes gives the same rows as the live runner (the rebuild test checks it row for row).
/// Payloads are read with the module's own JSON parser, and only for the event types below.
public enum ClaimsProjection {
    /// The projection's name, also its checkpoint consumer.
    public static let name = "claims"

    /// The event types it reads; the log is filtered by type before anything is decoded.
    public static let eventTypes = [
        "claim.created", "claim.scrubbed", "claim.submitted", "claim.acknowledged", "claim.rejected",
        "claim.adjudicated", "claim.adjudication_reversed", "claim.responsibility_transferred", "claim.denied",
        "denial.assigned", "claim.appealed", "claim.corrected", "claim.voided", "claim.written_off",
        "claim.patient_payment_applied", "claim.patient_refunded", "claim.closed", "claim.reopened",
    ]

    /// A claim event with its payload parsed.
    public struct Parsed {
        let event: LogEvent
        let payload: Payload
        /// The claim it is about.
        public var claimID: String { payload.string("claimID") ?? "" }
    }

    /// Parses an event's payload (no decoding into the full `Billing` types).
    public static func parse(_ event: LogEvent) throws -> Parsed {
        guard event.schemaVersion == 1 else {
            throw ProjectionError.unsupported(
                "\(event.eventType) schema version \(event.schemaVersion) needs an upcaster in the claims projection")
        }
        return Parsed(event: event, payload: try Payload(event.payload))
    }

    /// Applies one event to the fold. Events about a claim the fold does not hold (and that do not create
    /// it) are ignored: in an as-of replay the claim may not exist yet.
    public static func apply(_ parsed: Parsed, to fold: inout ClaimsFold) throws {
        let event = parsed.event
        if event.eventType == "claim.created" {
            try create(parsed, in: &fold)
            return
        }
        let claimID = parsed.claimID
        guard var row = fold.claims[claimID] else { return }
        switch event.eventType {
        case "claim.scrubbed", "claim.submitted", "claim.acknowledged", "claim.rejected":
            submission(parsed, to: &row)
        case "claim.adjudicated":
            try adjudicated(parsed, to: &row, in: &fold)
        case "claim.adjudication_reversed":
            try adjudicationReversed(parsed, to: &row, in: &fold)
        case "claim.responsibility_transferred":
            try responsibilityTransferred(parsed, to: &row)
        case "claim.denied":
            try denied(parsed, to: &row, in: &fold)
        case "denial.assigned", "claim.appealed":
            denialWorked(parsed, in: &fold)
        case "claim.corrected", "claim.voided":
            try corrected(parsed, to: &row, in: &fold)
        case "claim.written_off", "claim.patient_payment_applied", "claim.patient_refunded":
            try balanceMoved(parsed, to: &row, in: &fold)
        case "claim.closed":
            row.status = "closed"
        case "claim.reopened":
            row.status = row.openDenials == 0 ? "adjudicated" : "denied"
        default:
            return
        }
        row.lastActivityOn = max(row.lastActivityOn, event.effectiveDate)
        row.lastPosition = event.position
        fold.claims[claimID] = row
        fold.dirtyClaims.insert(claimID)
    }

    /// Sets the lines' codes, the rendering provider and (for a new claim) the dates of service.
    static func setLines(_ lines: [Payload], on row: inout ClaimRow, keepServiceDates: Bool = false) {
        for line in lines {
            if let id = line.string("lineID"), let code = line.string("code") { row.lineCodes[id] = code }
        }
        if let first = lines.first?.string("rendering") { row.renderingProvider = first }
        let dates = lines.compactMap { $0.string("dateOfService") }
        guard let earliest = dates.min(), let latest = dates.max() else { return }
        if keepServiceDates && !row.serviceDate.isEmpty {
            // The claim keeps its first date of service: it keys the activity already recorded.
            row.serviceDateLast = max(row.serviceDateLast, latest)
        } else {
            row.serviceDate = earliest
            row.serviceDateLast = latest
        }
    }

    /// Marks denials resolved (once), with an outcome from their status before.
    static func resolve(
        _ ids: [String], of row: inout ClaimRow, in fold: inout ClaimsFold, on date: String, position: Int64,
        outcome: (String) -> String
    ) {
        for id in ids {
            guard let before = fold.denials[row.claimID]?[id], before.status != "resolved" else { continue }
            fold.updateDenial(row.claimID, id) { d in
                d.outcome = outcome(d.status)
                d.status = "resolved"
                d.resolvedOn = date
                d.lastPosition = position
            }
            row.openDenials -= 1
        }
    }
}
