extension ClaimsProjection {
    /// `claim.corrected` and `claim.voided`: charges changed or reversed, open denials resolved.
    static func corrected(_ parsed: Parsed, to row: inout ClaimRow, in fold: inout ClaimsFold) throws {
        let event = parsed.event
        let p = parsed.payload
        let date = event.effectiveDate
        if event.eventType == "claim.corrected" {
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
        } else {
            let reversed = try p.cents("chargesReversed")
            row.charges -= reversed
            row.insuranceBalance -= reversed
            resolve(p.strings("resolvedDenials"), of: &row, in: &fold, on: date, position: event.position) { _ in
                "voided"
            }
            row.status = "voided"
            fold.addActivity(row, on: date) { $0.charges -= reversed }
        }
    }

    /// `claim.written_off`, `claim.patient_payment_applied`, `claim.patient_refunded`: balances moved.
    static func balanceMoved(_ parsed: Parsed, to row: inout ClaimRow, in fold: inout ClaimsFold) throws {
        let event = parsed.event
        let p = parsed.payload
        let date = event.effectiveDate
        let amount = try p.cents("amount")
        switch event.eventType {
        case "claim.written_off":
            row.writeOffs += amount
            if p.string("side") == "patient" { row.patientBalance -= amount } else { row.insuranceBalance -= amount }
            if let denialID = p.string("denialID") {
                resolve([denialID], of: &row, in: &fold, on: date, position: event.position) { _ in "written_off" }
            }
            if row.status == "denied" && row.openDenials == 0 { row.status = "adjudicated" }
            fold.addActivity(row, on: date) { $0.writeOffs += amount }
        case "claim.patient_payment_applied":
            row.patientPaid += amount
            row.patientBalance -= amount
            fold.addActivity(row, on: date) { $0.patientPaid += amount }
        case "claim.patient_refunded":
            row.refunds += amount
            row.patientBalance += amount
            fold.addActivity(row, on: date) { $0.refunds += amount }
        default:
            return
        }
    }
}
