extension Claim {
    /// Decides what a claim command records; a rejection records nothing.
    public static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        if case .create(let id, let number, let payer, let sessions, let auth, let date, let period) = command {
            guard state.status == .none else { throw .alreadyCreated }
            let (diagnoses, lines) = try buildLines(sessions, claimNumber: number, from: 1)
            return [
                .created(
                    .init(
                        claimID: id, claimNumber: number, patientKey: sessions[0].patientKey, payerID: payer,
                        diagnoses: diagnoses, lines: lines, authorizationNumber: auth,
                        substanceUse: sessions.contains(where: \.isSubstanceUse), charges: lines.map(\.charge).sum(),
                        effectiveDate: date, period: period))
            ]
        }
        guard let id = state.claimID, state.status != .none else { throw .notCreated }
        let status = state.status
        switch command {
        case .create: throw .alreadyCreated
        case .scrub(let context, let date):
            try require(status, in: [.draft, .rejected, .awaitingNextPayer], "scrub")
            let findings = Scrubber.scrub(claim: state, context: context)
            return [
                .scrubbed(
                    .init(
                        claimID: id, findings: findings, passed: !findings.contains { $0.severity == .error },
                        effectiveDate: date))
            ]
        case .submit(let date):
            try require(status, in: [.draft, .rejected, .awaitingNextPayer], "submit")
            let errors = state.findings.filter { $0.severity == .error }.map(\.ruleID)
            guard errors.isEmpty else { throw .scrubErrors(errors) }
            guard state.readyToSubmit else { throw .notScrubbed }
            var consume = Quantity.zero
            if state.authorizationNumber != nil, state.payerID == state.primaryPayerID,
                state.totalUnits > state.authorizationUnitsHeld
            {
                consume = state.totalUnits - state.authorizationUnitsHeld
            }
            return [
                .submitted(
                    .init(
                        claimID: id, payerID: state.payerID!, payerOrder: state.payerOrder, frequency: state.frequency,
                        charges: state.charges, authorizationNumber: state.authorizationNumber,
                        authorizationUnitsConsumed: consume, substanceUse: state.substanceUse, effectiveDate: date))
            ]
        case .acknowledge(let number, let date):
            try require(status, in: [.submitted], "acknowledge")
            return [.acknowledged(.init(claimID: id, payerClaimNumber: number, effectiveDate: date))]
        case .reject(let category, let code, let message, let date):
            try require(status, in: [.submitted, .acknowledged], "reject")
            return [
                .rejected(
                    .init(claimID: id, category: category, statusCode: code, message: message, effectiveDate: date))
            ]
        case .adjudicate(let adjudication, let context, let date, let period):
            return try adjudicate(adjudication, context, date, period, state)
        case .reverseAdjudication(let number, let date, let period):
            return try reverse(number, date, period, state)
        case .assignDenial(let denialID, let owner, let due, let date):
            guard let denial = state.denials[denialID], denial.status != .resolved else {
                throw .noOpenDenial(denialID)
            }
            return [
                .denialAssigned(
                    .init(
                        claimID: id, denialID: denialID, owner: owner, dueDate: due ?? denial.dueDate,
                        effectiveDate: date))
            ]
        case .appeal(let denialID, let reference, let date):
            guard let denial = state.denials[denialID], denial.status != .resolved else {
                throw .noOpenDenial(denialID)
            }
            guard !reference.isEmpty else { throw .reasonRequired }
            return [.appealed(.init(claimID: id, denialID: denialID, reference: reference, effectiveDate: date))]
        case .correct(let sessions, let reason, let date, let period):
            try require(status, in: [.draft, .rejected, .adjudicated, .denied], "correct")
            guard !reason.isEmpty else { throw .reasonRequired }
            guard sessions.allSatisfy({ $0.patientKey == state.patientKey }) else { throw .otherPatient }
            let (diagnoses, lines) = try buildLines(
                sessions, claimNumber: state.claimNumber!, from: state.nextLineNumber)
            let adjudicated = state.adjudications.contains { !$0.reversed }
            return [
                .corrected(
                    .init(
                        claimID: id, diagnoses: diagnoses, lines: lines,
                        frequency: adjudicated ? .replacement : .original,
                        chargeChange: lines.map(\.charge).sum() - state.charges, reason: reason,
                        substanceUse: sessions.contains(where: \.isSubstanceUse),
                        resolvedDenials: state.openDenials.map(\.denialID), effectiveDate: date, period: period))
            ]
        case .void(let reason, let date, let period):
            try require(
                status, in: [.draft, .submitted, .acknowledged, .rejected, .adjudicated, .denied, .awaitingNextPayer],
                "void")
            guard !reason.isEmpty else { throw .reasonRequired }
            guard state.insurancePaid == .zero, state.adjustments == .zero, state.writeOffs == .zero,
                state.patientPaid == .zero, state.refunds == .zero, state.patientBalance == .zero
            else { throw .moneyPosted }
            let filed = state.firstSubmittedOn != nil && status != .rejected
            return [
                .voided(
                    .init(
                        claimID: id, reason: reason, chargesReversed: state.charges,
                        frequency: filed ? .void : .original,
                        authorizationNumber: state.authorizationNumber,
                        authorizationUnitsReleased: state.authorizationUnitsHeld,
                        resolvedDenials: state.openDenials.map(\.denialID), effectiveDate: date, period: period))
            ]
        case .writeOff(let amount, let reason, let side, let denialID, let date, let period):
            try require(
                status, in: [.draft, .submitted, .acknowledged, .rejected, .adjudicated, .denied, .awaitingNextPayer],
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
                        effectiveDate: date, period: period))
            ]
        case .transferToPatient(let amount, let reason, let date, let period):
            try require(status, in: [.adjudicated, .denied], "transfer a balance on")
            guard amount > .zero else { throw .nonPositiveAmount }
            guard !reason.isEmpty else { throw .reasonRequired }
            guard amount <= state.insuranceBalance else {
                throw .exceedsBalance(amount: amount, balance: state.insuranceBalance)
            }
            return [
                .responsibilityTransferred(
                    .init(
                        claimID: id, amount: amount, to: .patient, reason: reason, effectiveDate: date, period: period))
            ]
        case .applyPatientPayment(let payment, let amount, let date, let period):
            guard status != .voided else { throw .wrongStatus(action: "apply a payment to", status: status) }
            guard amount > .zero else { throw .nonPositiveAmount }
            guard amount <= state.patientBalance else {
                throw .exceedsBalance(amount: amount, balance: state.patientBalance)
            }
            return [
                .patientPaymentApplied(
                    .init(claimID: id, paymentID: payment, amount: amount, effectiveDate: date, period: period))
            ]
        case .refundPatient(let payment, let amount, let date, let period):
            guard amount > .zero else { throw .nonPositiveAmount }
            let credit = -state.patientBalance
            guard amount <= credit else { throw .exceedsCredit(amount: amount, credit: credit) }
            return [
                .patientRefunded(
                    .init(claimID: id, paymentID: payment, amount: amount, effectiveDate: date, period: period))
            ]
        case .close(let date):
            try require(
                status, in: [.adjudicated, .denied, .awaitingNextPayer, .rejected, .acknowledged, .submitted, .draft],
                "close")
            guard state.balance == .zero, state.openDenials.isEmpty else {
                throw .cannotClose(balance: state.balance, openDenials: state.openDenials.count)
            }
            return [.closed(.init(claimID: id, effectiveDate: date))]
        case .reopen(let reason, let date):
            try require(status, in: [.closed], "reopen")
            guard !reason.isEmpty else { throw .reasonRequired }
            return [.reopened(.init(claimID: id, reason: reason, effectiveDate: date))]
        }
    }

    static func require(_ status: Status, in allowed: Set<Status>, _ action: String) throws(Rejection) {
        guard allowed.contains(status) else { throw .wrongStatus(action: action, status: status) }
    }

    /// Builds claim lines (numbered `<claim number>-<n>`) and the merged diagnosis list from sessions.
    static func buildLines(
        _ sessions: [SessionRecord], claimNumber: ClaimNumber, from first: Int
    ) throws(Rejection) -> ([ICD10Code], [ClaimLine]) {
        guard let patient = sessions.first?.patientKey else { throw .noSessions }
        guard sessions.allSatisfy({ $0.patientKey == patient }) else { throw .mixedPatients }
        var seen = Set<SessionID>()
        var diagnoses: [ICD10Code] = []
        var lines: [ClaimLine] = []
        var number = first
        for session in sessions {
            guard seen.insert(session.sessionID).inserted else { throw .duplicateSession(session.sessionID) }
            for code in session.diagnoses where !diagnoses.contains(code) { diagnoses.append(code) }
            for line in session.lines {
                let pointers = line.diagnosisPointers.map { pointer in
                    session.diagnoses.indices.contains(pointer - 1)
                        ? diagnoses.firstIndex(of: session.diagnoses[pointer - 1])! + 1 : pointer
                }
                lines.append(
                    ClaimLine(
                        lineID: LineID("\(claimNumber.rawValue)-\(number)"), sessionID: session.sessionID,
                        dateOfService: session.dateOfService, code: line.code, modifiers: line.modifiers,
                        units: line.units,
                        charge: line.charge, diagnosisPointers: pointers, placeOfService: session.placeOfService,
                        telehealth: session.telehealth, minutes: session.minutes, rendering: session.rendering,
                        supervising: session.supervising))
                number += 1
            }
        }
        guard diagnoses.count <= 12 else { throw .tooManyDiagnoses(diagnoses.count) }
        return (diagnoses, lines)
    }
}
