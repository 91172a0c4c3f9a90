extension Claim {
    /// Applies a fact to the claim. Every money movement keeps
    /// `charges = insurancePaid + patientPaid + adjustments + writeOffs − refunds + balance`.
    public static func evolve(_ state: State, _ event: Event) -> State {
        var s = state
        switch event {
        case .created(let e):
            s.status = .draft
            s.claimID = e.claimID
            s.claimNumber = e.claimNumber
            s.patientKey = e.patientKey
            s.payerID = e.payerID
            s.primaryPayerID = e.payerID
            s.payerOrder = e.payerOrder ?? .primary
            s.diagnoses = e.diagnoses
            s.lines = e.lines
            s.lineStatus = Dictionary(uniqueKeysWithValues: e.lines.map { ($0.lineID, LineStatus.open) })
            s.nextLineNumber = e.lines.count + 1
            s.authorizationNumber = e.authorizationNumber
            s.substanceUse = e.substanceUse
            s.createdOn = e.effectiveDate
            s.charges = e.charges
            s.insuranceBalance = e.charges
        case .scrubbed(let e):
            s.findings = e.findings
            s.readyToSubmit = e.passed
        case .submitted(let e) where e.frequency == .void:
            s.status = .voided
            s.voidAcknowledged = false
        case .submitted(let e):
            s.status = .submitted
            s.firstSubmittedOn = s.firstSubmittedOn ?? e.effectiveDate
            s.authorizationUnitsHeld = s.authorizationUnitsHeld + e.authorizationUnitsConsumed
            s.readyToSubmit = false
        case .acknowledged where s.voidSent:
            s.voidAcknowledged = true
        case .acknowledged(let e):
            s.status = .acknowledged
            s.payerClaimNumber = e.payerClaimNumber ?? s.payerClaimNumber
        case .rejected where s.voidSent:
            s.status = .voidPending
            s.voidAcknowledged = false
        case .rejected:
            s.status = .rejected
            s.readyToSubmit = false
        case .adjudicated(let e):
            s.adjudications.append(
                AdjudicationRecord(
                    adjudication: e.adjudication, posting: e.posting, payerOrder: e.payerOrder,
                    transferredTo: e.patientResponsibilityTo, reversed: false))
            s.payerClaimNumber = e.adjudication.payerClaimNumber
            s.insurancePaid += e.posting.paid
            s.adjustments += e.posting.adjustments
            s.insuranceBalance -= e.posting.paid + e.posting.adjustments
            for line in e.adjudication.lines {
                s.lineStatus[line.lineID] = e.adjudication.isClaimDenied || line.isDenied ? .denied : .adjudicated
            }
            s.underpaidLines.formUnion(e.underpaidLines)
            for id in e.resolvedDenials { s.denials[id]?.status = .resolved }
            s.status = s.openDenials.isEmpty ? .adjudicated : .denied
            s.crossedOver = false
        case .denied(let e):
            s.denials[e.denial.denialID] = e.denial
            s.authorizationUnitsHeld = s.authorizationUnitsHeld - e.authorizationUnitsReleased
            s.status = .denied
        case .responsibilityTransferred(let e):
            resolving(e.resolvedDenials, in: &s)
            switch e.to {
            case .patient:
                s.insuranceBalance -= e.amount
                s.patientBalance += e.amount
            case .payer(let payer, let order):
                s.payerID = payer
                s.payerOrder = order
                s.status = .awaitingNextPayer
                s.crossedOver = e.crossover ?? false
                s.frequency = .original
                s.firstSubmittedOn = nil
                s.readyToSubmit = false
                for line in s.lines { s.lineStatus[line.lineID] = .open }
            }
        case .adjudicationReversed(let e):
            if let index = activeAdjudication(e.payerClaimNumber, in: s) { s.adjudications[index].reversed = true }
            s.insurancePaid -= e.posting.paid
            s.adjustments -= e.posting.adjustments
            s.insuranceBalance += e.posting.paid + e.posting.adjustments + e.returnedFromPatient
            s.patientBalance -= e.returnedFromPatient
            s.payerID = e.payerID
            s.payerOrder = e.payerOrder
            s.crossedOver = false
            for id in e.resolvedDenials { s.denials[id]?.status = .resolved }
            for line in s.lines { s.lineStatus[line.lineID] = .open }
            s.status = .acknowledged
        case .denialAssigned(let e):
            s.denials[e.denialID]?.owner = e.owner
            s.denials[e.denialID]?.dueDate = e.dueDate
            s.denials[e.denialID]?.status = .assigned
        case .appealed(let e):
            s.denials[e.denialID]?.status = .appealed
            s.denials[e.denialID]?.appealedOn = e.effectiveDate
            s.denials[e.denialID]?.appealReference = e.reference
        case .corrected(let e):
            s.lines = e.lines
            s.diagnoses = e.diagnoses
            s.frequency = e.frequency
            s.originalPayerClaimNumber =
                e.frequency == .replacement ? e.originalPayerClaimNumber ?? s.adjudicatedPayerClaimNumber : nil
            s.charges += e.chargeChange
            s.insuranceBalance += e.chargeChange
            s.substanceUse = s.substanceUse || e.substanceUse
            for id in e.resolvedDenials { s.denials[id]?.status = .resolved }
            for line in e.lines { s.lineStatus[line.lineID] = .open }
            s.nextLineNumber += e.lines.count
            s.status = .draft
            s.readyToSubmit = false
            s.findings = []
        case .voided(let e):
            let fromPatient = e.returnedFromPatient ?? .zero
            s.charges -= e.chargesReversed
            s.insuranceBalance -= e.chargesReversed - fromPatient
            s.patientBalance -= fromPatient
            s.authorizationUnitsHeld = s.authorizationUnitsHeld - e.authorizationUnitsReleased
            for id in e.resolvedDenials { s.denials[id]?.status = .resolved }
            s.frequency = e.frequency
            if e.frequency == .void {
                s.originalPayerClaimNumber = e.originalPayerClaimNumber ?? s.adjudicatedPayerClaimNumber ?? s.payerClaimNumber
                s.status = .voidPending
            } else {
                s.status = .voided
            }
        case .writtenOff(let e):
            s.writeOffs += e.amount
            if e.side == .insurance { s.insuranceBalance -= e.amount } else { s.patientBalance -= e.amount }
            resolving((e.denialID.map { [$0] } ?? []) + (e.resolvedDenials ?? []), in: &s)
        case .patientPaymentApplied(let e):
            s.patientPaid += e.amount
            s.patientBalance -= e.amount
            resolving(e.resolvedDenials, in: &s)
        case .patientRefunded(let e):
            s.refunds += e.amount
            s.patientBalance += e.amount
        case .closed:
            s.status = .closed
        case .reopened:
            s.status = s.openDenials.isEmpty ? .adjudicated : .denied
        }
        return s
    }
}
