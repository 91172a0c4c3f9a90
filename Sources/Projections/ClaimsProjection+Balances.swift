import Billing

extension ClaimsProjection {
    /// `claim.corrected`: charges changed, lines replaced, open denials resolved.
    static func corrected(_ e: Claim.Event.Corrected, at place: LogPlace, to row: inout ClaimRow, in fold: inout ClaimsFold) {
        let change = e.chargeChange.cents
        row.charges += change
        row.insuranceBalance += change
        row.sensitive = row.sensitive || e.substanceUse
        setLines(e.lines, on: &row, keepServiceDates: true)
        resolve(e.resolvedDenials, of: &row, in: &fold, at: place) { _ in .corrected }
        row.status = .draft
        row.lastScrubFailed = false  // not scrubbed since the correction
        fold.addActivity(row, on: place.effectiveDate) { $0.charges += change }
    }

    /// `claim.voided`: charges reversed, open denials resolved.
    static func voided(_ e: Claim.Event.Voided, at place: LogPlace, to row: inout ClaimRow, in fold: inout ClaimsFold) {
        let reversed = e.chargesReversed.cents
        let fromPatient = e.returnedFromPatient?.cents ?? 0
        row.charges -= reversed
        row.insuranceBalance -= reversed - fromPatient
        row.patientBalance -= fromPatient
        resolve(e.resolvedDenials, of: &row, in: &fold, at: place) { _ in .voided }
        // A void the payer must be told of (frequency 8) waits to be sent, as the domain has it.
        row.status = e.frequency == .void ? .voidPending : .voided
        fold.addActivity(row, on: place.effectiveDate) { $0.charges -= reversed }
    }

    /// `claim.written_off`, `claim.patient_payment_applied`, `claim.patient_refunded`: balances moved.
    static func balanceMoved(_ event: Claim.Event, at place: LogPlace, to row: inout ClaimRow, in fold: inout ClaimsFold) {
        let date = place.effectiveDate
        switch event {
        case .writtenOff(let e):
            let amount = e.amount.cents
            row.writeOffs += amount
            if e.side == .patient { row.patientBalance -= amount } else { row.insuranceBalance -= amount }
            resolve((e.denialID.map { [$0] } ?? []) + (e.resolvedDenials ?? []), of: &row, in: &fold, at: place) { _ in
                .writtenOff
            }
            if row.status == .denied && row.openDenials == 0 { row.status = .adjudicated }
            fold.addActivity(row, on: date) { $0.writeOffs += amount }
        case .patientPaymentApplied(let e):
            let amount = e.amount.cents
            row.patientPaid += amount
            row.patientBalance -= amount
            resolve(e.resolvedDenials ?? [], of: &row, in: &fold, at: place) { _ in .patientPaid }
            if row.status == .denied && row.openDenials == 0 { row.status = .adjudicated }
            fold.addActivity(row, on: date) { $0.patientPaid += amount }
        case .patientRefunded(let e):
            let amount = e.amount.cents
            row.refunds += amount
            row.patientBalance += amount
            fold.addActivity(row, on: date) { $0.refunds += amount }
        default:
            return
        }
    }
}
