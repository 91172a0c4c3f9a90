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
        let p = parsed.payload
        let claimID = parsed.claimID
        let date = event.effectiveDate
        if event.eventType == "claim.created" {
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
            return
        }
        guard var row = fold.claims[claimID] else { return }
        switch event.eventType {
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
        case "claim.adjudicated":
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
        case "claim.adjudication_reversed":
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
        case "claim.responsibility_transferred":
            let amount = try p.cents("amount")
            let to = p.nested("to") ?? .empty
            if to.string("kind") == "patient" {
                if row.patientBalance <= 0 { row.patientBilledOn = date }
                row.insuranceBalance -= amount
                row.patientBalance += amount
                row.patientResponsibility += amount
            } else {
                row.payerID = to.string("payerID") ?? row.payerID
                row.payerOrder = to.string("order") ?? row.payerOrder
                row.status = "awaiting_next_payer"
                row.payerSubmittedOn = nil
            }
        case "claim.denied":
            guard let denial = p.nested("denial"), let denialID = denial.string("denialID") else {
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
        case "denial.assigned":
            let owner = p.string("owner")
            let due = p.string("dueDate")
            fold.updateDenial(claimID, p.string("denialID") ?? "") { d in
                d.owner = owner
                d.dueDate = due ?? d.dueDate
                if d.status != "resolved" { d.status = "assigned" }
                d.lastPosition = event.position
            }
        case "claim.appealed":
            fold.updateDenial(claimID, p.string("denialID") ?? "") { d in
                if d.status != "resolved" {
                    d.status = "appealed"
                    d.outcome = "appealed"
                }
                d.appealedOn = d.appealedOn ?? date
                d.lastPosition = event.position
            }
        case "claim.corrected":
            let change = try p.cents("chargeChange")
            row.charges += change
            row.insuranceBalance += change
            row.sensitive = row.sensitive || p.bool("substanceUse")
            setLines(p.objects("lines"), on: &row, keepServiceDates: true)
            resolve(p.strings("resolvedDenials"), of: &row, in: &fold, on: date, position: event.position) { _ in
                "corrected"
            }
            row.status = "draft"
            fold.addActivity(row, on: date) { $0.charges += change }
        case "claim.voided":
            let reversed = try p.cents("chargesReversed")
            row.charges -= reversed
            row.insuranceBalance -= reversed
            resolve(p.strings("resolvedDenials"), of: &row, in: &fold, on: date, position: event.position) { _ in
                "voided"
            }
            row.status = "voided"
            fold.addActivity(row, on: date) { $0.charges -= reversed }
        case "claim.written_off":
            let amount = try p.cents("amount")
            row.writeOffs += amount
            if p.string("side") == "patient" { row.patientBalance -= amount } else { row.insuranceBalance -= amount }
            if let denialID = p.string("denialID") {
                resolve([denialID], of: &row, in: &fold, on: date, position: event.position) { _ in "written_off" }
            }
            if row.status == "denied" && row.openDenials == 0 { row.status = "adjudicated" }
            fold.addActivity(row, on: date) { $0.writeOffs += amount }
        case "claim.patient_payment_applied":
            let amount = try p.cents("amount")
            row.patientPaid += amount
            row.patientBalance -= amount
            fold.addActivity(row, on: date) { $0.patientPaid += amount }
        case "claim.patient_refunded":
            let amount = try p.cents("amount")
            row.refunds += amount
            row.patientBalance += amount
            fold.addActivity(row, on: date) { $0.refunds += amount }
        case "claim.closed":
            row.status = "closed"
        case "claim.reopened":
            row.status = row.openDenials == 0 ? "adjudicated" : "denied"
        default:
            return
        }
        row.lastActivityOn = max(row.lastActivityOn, date)
        row.lastPosition = event.position
        fold.claims[claimID] = row
        fold.dirtyClaims.insert(claimID)
    }

    /// Sets the lines' codes, the rendering provider and (for a new claim) the dates of service.
    private static func setLines(_ lines: [Payload], on row: inout ClaimRow, keepServiceDates: Bool = false) {
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
    private static func resolve(
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
