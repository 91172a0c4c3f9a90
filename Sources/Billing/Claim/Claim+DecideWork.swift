extension Claim {
    /// `assignDenial`: an open denial gets an owner and a due date (its own when none is given).
    static func assignDenial(
        _ denialID: DenialID, _ owner: StaffID, _ due: LocalDate?, _ date: LocalDate, _ id: ClaimID, _ state: State
    ) throws(Rejection) -> [Event] {
        guard let denial = state.denials[denialID], denial.status != .resolved else { throw .noOpenDenial(denialID) }
        return [
            .denialAssigned(
                .init(
                    claimID: id, denialID: denialID, owner: owner, dueDate: due ?? denial.dueDate, effectiveDate: date))
        ]
    }

    /// `appeal`: an open denial is appealed, with the payer's reference.
    static func appeal(_ denialID: DenialID, _ reference: String, _ date: LocalDate, _ id: ClaimID, _ state: State)
        throws(Rejection) -> [Event]
    {
        guard let denial = state.denials[denialID], denial.status != .resolved else { throw .noOpenDenial(denialID) }
        guard !reference.isEmpty else { throw .reasonRequired }
        return [.appealed(.init(claimID: id, denialID: denialID, reference: reference, effectiveDate: date))]
    }

    /// `writeOff`: part of one side's balance, never timely filing to the patient, against an open denial if named.
    static func writeOff(
        _ amount: Money, _ reason: WriteOffReason, _ side: BalanceSide, _ denialID: DenialID?, _ date: LocalDate,
        _ period: AccountingPeriod, _ id: ClaimID, _ state: State
    ) throws(Rejection) -> [Event] {
        try require(
            state.status, in: [.draft, .submitted, .acknowledged, .rejected, .adjudicated, .denied, .awaitingNextPayer],
            "write off")
        guard amount > .zero else { throw .nonPositiveAmount }
        if side == .patient && reason == .timelyFiling { throw .timelyFilingNotBillableToPatient }
        let balance = side == .insurance ? state.insuranceBalance : state.patientBalance
        guard amount <= balance else { throw .exceedsBalance(amount: amount, balance: balance) }
        if let denialID, state.denials[denialID].map({ $0.status == .resolved }) ?? true {
            throw .noOpenDenial(denialID)
        }
        return [
            .writtenOff(
                .init(
                    claimID: id, amount: amount, reason: reason, side: side, denialID: denialID,
                    resolvedDenials: side == .patient ? patientDenialsSettled(by: amount, except: denialID, state) : nil,
                    effectiveDate: date, period: period))
        ]
    }

    /// `transferToPatient`: part of the insurance balance moves to the patient, with a reason.
    static func transferToPatient(
        _ amount: Money, _ reason: String, _ date: LocalDate, _ period: AccountingPeriod, _ id: ClaimID, _ state: State
    ) throws(Rejection) -> [Event] {
        try require(state.status, in: [.adjudicated, .denied], "transfer a balance on")
        guard amount > .zero else { throw .nonPositiveAmount }
        guard !reason.isEmpty else { throw .reasonRequired }
        guard amount <= state.insuranceBalance else {
            throw .exceedsBalance(amount: amount, balance: state.insuranceBalance)
        }
        return [
            .responsibilityTransferred(
                .init(claimID: id, amount: amount, to: .patient, reason: reason, effectiveDate: date, period: period))
        ]
    }

    /// `applyPatientPayment`: at most the patient balance, on a claim that is not voided.
    static func applyPatientPayment(
        _ payment: PaymentID, _ amount: Money, _ date: LocalDate, _ period: AccountingPeriod, _ id: ClaimID,
        _ state: State
    ) throws(Rejection) -> [Event] {
        guard state.status != .voided else { throw .wrongStatus(action: "apply a payment to", status: state.status) }
        guard amount > .zero else { throw .nonPositiveAmount }
        guard amount <= state.patientBalance else {
            throw .exceedsBalance(amount: amount, balance: state.patientBalance)
        }
        return [
            .patientPaymentApplied(
                .init(
                    claimID: id, paymentID: payment, amount: amount,
                    resolvedDenials: patientDenialsSettled(by: amount, state), effectiveDate: date, period: period))
        ]
    }

    /// `refundPatient`: at most the patient's credit on the claim.
    static func refundPatient(
        _ payment: PaymentID, _ amount: Money, _ date: LocalDate, _ period: AccountingPeriod, _ id: ClaimID,
        _ state: State
    ) throws(Rejection) -> [Event] {
        guard amount > .zero else { throw .nonPositiveAmount }
        let credit = -state.patientBalance
        guard amount <= credit else { throw .exceedsCredit(amount: amount, credit: credit) }
        return [
            .patientRefunded(.init(claimID: id, paymentID: payment, amount: amount, effectiveDate: date, period: period))
        ]
    }

    /// `correct`: the sessions' lines replace the claim's; once adjudicated it goes out as a replacement.
    static func correct(
        _ sessions: [SessionRecord], _ reason: String, _ date: LocalDate, _ period: AccountingPeriod, _ id: ClaimID,
        _ state: State
    ) throws(Rejection) -> [Event] {
        if [.submitted, .acknowledged].contains(state.status), state.adjudicatedPayerClaimNumber == nil {
            throw .notAdjudicatedYet(action: "correct", payer: state.payerID)
        }
        try require(state.status, in: [.draft, .rejected, .adjudicated, .denied], "correct")
        guard !reason.isEmpty else { throw .reasonRequired }
        guard sessions.allSatisfy({ $0.patientKey == state.patientKey }) else { throw .otherPatient }
        let (diagnoses, lines) = try buildLines(sessions, claimNumber: state.claimNumber!, from: state.nextLineNumber)
        // The sessions say what the claim already says: a correction would only renumber its lines.
        let unchanged =
            diagnoses == state.diagnoses && lines.count == state.lines.count
            && zip(lines, state.lines).allSatisfy { new, old in
                var same = new
                same.lineID = old.lineID
                return same == old
            }
        guard !unchanged else { throw .nothingToCorrect }
        // A replacement names the claim the payer adjudicated (CLP07); a claim it never adjudicated goes as an original.
        let original = state.adjudicatedPayerClaimNumber
        return [
            .corrected(
                .init(
                    claimID: id, diagnoses: diagnoses, lines: lines, frequency: original != nil ? .replacement : .original,
                    chargeChange: lines.map(\.charge).sum() - state.charges, reason: reason,
                    substanceUse: sessions.contains(where: \.isSubstanceUse),
                    resolvedDenials: state.openDenials.map(\.denialID), originalPayerClaimNumber: original,
                    effectiveDate: date, period: period))
        ]
    }

    /// `void`: only while no money is posted. A claim the payer adjudicated is voided with the payer too: a
    /// frequency-8 claim naming its CLP07 waits to be sent (`voidPending`). A claim the payer never adjudicated
    /// (never sent, or rejected) is voided here only; one the payer holds unadjudicated cannot be voided yet.
    static func void(_ reason: String, _ date: LocalDate, _ period: AccountingPeriod, _ id: ClaimID, _ state: State)
        throws(Rejection) -> [Event]
    {
        try require(
            state.status, in: [.draft, .submitted, .acknowledged, .rejected, .adjudicated, .denied, .awaitingNextPayer],
            "void")
        guard !reason.isEmpty else { throw .reasonRequired }
        // Money paid, adjusted or written off stays; a balance only moved to the patient (PR-204, a copay the
        // patient has not paid) is taken back off the patient with the charges.
        guard state.insurancePaid == .zero, state.adjustments == .zero, state.writeOffs == .zero,
            state.patientPaid == .zero, state.refunds == .zero
        else { throw .moneyPosted }
        let original = state.adjudicatedPayerClaimNumber
        if original == nil, [.submitted, .acknowledged].contains(state.status) {
            throw .notAdjudicatedYet(action: "void", payer: state.payerID)
        }
        return [
            .voided(
                .init(
                    claimID: id, reason: reason, chargesReversed: state.charges,
                    frequency: original != nil ? .void : .original, authorizationNumber: state.authorizationNumber,
                    authorizationUnitsReleased: state.authorizationUnitsHeld,
                    resolvedDenials: state.openDenials.map(\.denialID), originalPayerClaimNumber: original,
                    returnedFromPatient: state.patientBalance > .zero ? state.patientBalance : nil, effectiveDate: date,
                    period: period))
        ]
    }

    /// `close`: the balance is zero and no denial is open.
    static func close(_ date: LocalDate, _ id: ClaimID, _ state: State) throws(Rejection) -> [Event] {
        try require(
            state.status, in: [.adjudicated, .denied, .awaitingNextPayer, .rejected, .acknowledged, .submitted, .draft],
            "close")
        guard state.balance == .zero, state.openDenials.isEmpty else {
            throw .cannotClose(balance: state.balance, openDenials: state.openDenials.count)
        }
        return [.closed(.init(claimID: id, effectiveDate: date))]
    }
}
