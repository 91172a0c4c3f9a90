extension Claim {
    /// Decides what a claim command records; a rejection records nothing.
    public static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        if case .create(let id, let number, let payer, let order, let sessions, let auth, let date, let period) = command {
            guard state.status == .none else { throw .alreadyCreated }
            return try create(id, number, payer, order, sessions, auth, date, period)
        }
        guard let id = state.claimID, state.status != .none else { throw .notCreated }
        switch command {
        case .create: throw .alreadyCreated
        case .scrub(let context, let date): return try scrub(context, date, id, state)
        case .submit(let date): return try submit(date, id, state)
        case .acknowledge(let number, let date):
            if !state.voidSent { try require(state.status, in: [.submitted], "acknowledge") }
            return [.acknowledged(.init(claimID: id, payerClaimNumber: number, effectiveDate: date))]
        case .reject(let category, let code, let message, let date):
            if !state.voidSent { try require(state.status, in: [.submitted, .acknowledged], "reject") }
            return [
                .rejected(
                    .init(claimID: id, category: category, statusCode: code, message: message, effectiveDate: date))
            ]
        case .adjudicate(let adjudication, let context, let date, let period):
            return try adjudicate(adjudication, context, date, period, state)
        case .reverseAdjudication(let number, let date, let period):
            return try reverse(number, date, period, state)
        case .assignDenial(let denialID, let owner, let due, let date):
            return try assignDenial(denialID, owner, due, date, id, state)
        case .appeal(let denialID, let reference, let date): return try appeal(denialID, reference, date, id, state)
        case .correct(let sessions, let reason, let date, let period):
            return try correct(sessions, reason, date, period, id, state)
        case .void(let reason, let date, let period): return try void(reason, date, period, id, state)
        case .writeOff(let amount, let reason, let side, let denialID, let date, let period):
            return try writeOff(amount, reason, side, denialID, date, period, id, state)
        case .transferToPatient(let amount, let reason, let date, let period):
            return try transferToPatient(amount, reason, date, period, id, state)
        case .applyPatientPayment(let payment, let amount, let date, let period):
            return try applyPatientPayment(payment, amount, date, period, id, state)
        case .refundPatient(let payment, let amount, let date, let period):
            return try refundPatient(payment, amount, date, period, id, state)
        case .close(let date): return try close(date, id, state)
        case .reopen(let reason, let date):
            try require(state.status, in: [.closed], "reopen")
            guard !reason.isEmpty else { throw .reasonRequired }
            return [.reopened(.init(claimID: id, reason: reason, effectiveDate: date))]
        }
    }

    /// `create`: numbered lines and merged diagnoses from one patient's sessions.
    static func create(
        _ id: ClaimID, _ number: ClaimNumber, _ payer: PayerID, _ order: PayerOrder, _ sessions: [SessionRecord],
        _ auth: String?, _ date: LocalDate, _ period: AccountingPeriod
    ) throws(Rejection) -> [Event] {
        let (diagnoses, lines) = try buildLines(sessions, claimNumber: number, from: 1)
        return [
            .created(
                .init(
                    claimID: id, claimNumber: number, patientKey: sessions[0].patientKey, payerID: payer,
                    payerOrder: order == .primary ? nil : order, diagnoses: diagnoses, lines: lines, authorizationNumber: auth,
                    substanceUse: sessions.contains(where: \.isSubstanceUse), charges: lines.map(\.charge).sum(),
                    effectiveDate: date, period: period))
        ]
    }

    /// `scrub`: the scrubber's findings; the claim passes when none is an error.
    static func scrub(_ context: ScrubContext, _ date: LocalDate, _ id: ClaimID, _ state: State) throws(Rejection)
        -> [Event]
    {
        try require(state.status, in: [.draft, .rejected, .awaitingNextPayer], "scrub")
        let findings = Scrubber.scrub(claim: state, context: context)
        return [
            .scrubbed(
                .init(
                    claimID: id, findings: findings, passed: !findings.contains { $0.severity == .error },
                    effectiveDate: date))
        ]
    }

    /// `submit`: a passing scrub is required; units beyond those already held are consumed from the
    /// authorization when the claim goes to the primary payer.
    static func submit(_ date: LocalDate, _ id: ClaimID, _ state: State) throws(Rejection) -> [Event] {
        if state.status == .voidPending {
            // The void repeats the claim as the payer adjudicated it, with frequency 8; nothing to scrub or consume.
            return [
                .submitted(
                    .init(
                        claimID: id, payerID: state.payerID!, payerOrder: state.payerOrder, frequency: .void,
                        charges: state.lines.map(\.charge).sum(), authorizationNumber: state.authorizationNumber,
                        authorizationUnitsConsumed: .zero, substanceUse: state.substanceUse, effectiveDate: date))
            ]
        }
        try require(state.status, in: [.draft, .rejected, .awaitingNextPayer], "submit")
        if state.crossedOver, let payer = state.payerID { throw .crossedOver(payer) }
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
