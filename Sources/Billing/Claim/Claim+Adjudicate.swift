extension Claim {
    /// Posts an 835 claim payment: validates balancing, computes the posting, opens a denial,
    /// flags underpayments and moves patient responsibility to the next payer or the patient.
    static func adjudicate(
        _ adjudication: Adjudication, _ context: AdjudicationContext, _ date: LocalDate, _ period: AccountingPeriod,
        _ state: State
    ) throws(Rejection) -> [Event] {
        let id = state.claimID!
        // A crossed-over claim was never submitted to its payer: that payer's 835 is what it waits for.
        let allowed: Set<Status> = state.crossedOver ? [.awaitingNextPayer] : [.submitted, .acknowledged, .adjudicated, .denied]
        try require(state.status, in: allowed, "post a remittance to")
        guard adjudication.statusCode != "22" else { throw .reversalAsAdjudication }
        guard adjudication.payerID == state.payerID else {
            throw .wrongPayer(expected: state.payerID!, got: adjudication.payerID)
        }
        var posting = Posting()
        var deniedLines: [LineID] = []
        var denialReasons: [CASAdjustment] = []
        var underpaid: [LineID] = []
        var unitsDenied = Quantity.zero
        for line in adjudication.lines {
            guard let ours = state.lines.first(where: { $0.lineID == line.lineID }) else {
                throw .unknownLine(line.lineID)
            }
            guard ours.charge == line.charge else {
                throw .lineChargeMismatch(line.lineID, billed: ours.charge, remit: line.charge)
            }
            let adjusted = line.adjustments.map(\.amount).sum()
            guard line.charge - line.paid == adjusted else {
                throw .lineOutOfBalance(line.lineID, charge: line.charge, paid: line.paid, adjustments: adjusted)
            }
            guard state.lineStatus[line.lineID] != .adjudicated else { throw .lineAlreadyAdjudicated(line.lineID) }
            let denied = adjudication.isClaimDenied || line.isDenied
            if denied {
                deniedLines.append(line.lineID)
                denialReasons += line.adjustments.filter(\.signalsDenial)
                unitsDenied = unitsDenied + ours.units
            }
            posting.paid += line.paid
            add(line.adjustments, denied: denied, to: &posting)
            let lineResponsibility = line.adjustments.filter { $0.group == .patient }.map(\.amount).sum()
            if !denied, let expected = context.expectedAllowed[line.lineID], line.paid + lineResponsibility < expected {
                underpaid.append(line.lineID)
            }
        }
        add(adjudication.claimAdjustments, denied: adjudication.isClaimDenied, to: &posting)
        if adjudication.isClaimDenied { denialReasons += adjudication.claimAdjustments.filter(\.signalsDenial) }
        let responsibility = posting.patientResponsibility.total
        let posted = posting.paid + posting.adjustments + responsibility
        guard posted <= state.insuranceBalance else {
            throw .postsMoreThanOwed(posting: posted, owed: state.insuranceBalance)
        }

        // COB: what the patient owes after this payer goes to the next payer in the patient's order, else to the
        // patient. The next payer is always later in the order than the one that adjudicated, never the same one.
        var target: Responsible?
        if responsibility != .zero {
            let order = context.nextPayerOrder ?? state.payerOrder.next
            if let next = context.nextPayer, let order, order > state.payerOrder, next != state.payerID {
                target = .payer(next, order)
            } else {
                target = .patient
            }
        }
        var forwarded = false
        if case .payer = target { forwarded = adjudication.isForwarded }
        let nowAdjudicated = Set(adjudication.lines.map(\.lineID)).subtracting(deniedLines)
        let resolved = state.openDenials.filter { Set($0.lineIDs).isSubset(of: nowAdjudicated) }.map(\.denialID)
        var events: [Event] = [
            .adjudicated(
                .init(
                    claimID: id, adjudication: adjudication, payerOrder: state.payerOrder, posting: posting,
                    underpaidLines: underpaid, patientResponsibilityTo: target, resolvedDenials: resolved,
                    effectiveDate: date, period: period))
        ]
        if !deniedLines.isEmpty {
            let released = min(unitsDenied, state.authorizationUnitsHeld)
            let (reasons, amount) = denialReasonsAndAmount(denialReasons, posting.denied, deniedLines, adjudication)
            var remarks: [String] = []
            for remark in adjudication.remarks + adjudication.lines.filter({ deniedLines.contains($0.lineID) }).flatMap(\.remarks)
            where !remarks.contains(remark) { remarks.append(remark) }
            let denial = Denial(
                denialID: context.denialID, lineIDs: deniedLines, reasons: reasons, remarks: remarks,
                amount: amount, status: .open, owner: nil,
                dueDate: adjudication.adjudicatedOn.adding(days: context.appealDays), openedOn: date)
            events.append(
                .denied(
                    .init(
                        claimID: id, denial: denial,
                        authorizationNumber: released > .zero ? state.authorizationNumber : nil,
                        authorizationUnitsReleased: released, effectiveDate: date)))
        }
        // A patient-responsibility denial whose patient share goes on to the next payer is that payer's to answer.
        var transferResolves: [DenialID]?
        if case .payer = target, !deniedLines.isEmpty, case .denied(let opened)? = events.last,
            opened.denial.isPatientResponsibility
        {
            transferResolves = [opened.denial.denialID]
        }
        if let target {
            events.append(
                .responsibilityTransferred(
                    .init(
                        claimID: id, amount: responsibility, to: target, crossover: forwarded ? true : nil,
                        reason: forwarded
                            ? "crossed over by \(adjudication.payerClaimNumber)"
                                + (adjudication.forwardedTo.map { " to \($0)" } ?? "")
                            : "patient responsibility from \(adjudication.payerClaimNumber)",
                        resolvedDenials: transferResolves, effectiveDate: date, period: period)))
        }
        return events
    }

    /// A denial's reasons and amount: the payer-side adjustments that denied it, or, for a denial that moves the
    /// charge to the patient (PR-204, not covered by the plan), the patient-responsibility adjustments of the
    /// denied lines, so that the worklist shows why and how much rather than an empty reason and 0.00.
    static func denialReasonsAndAmount(
        _ reasons: [CASAdjustment], _ denied: Money, _ lines: [LineID], _ adjudication: Adjudication
    ) -> ([CASAdjustment], Money) {
        guard reasons.isEmpty else { return (reasons, denied) }
        let deniedLines = adjudication.lines.filter { lines.contains($0.lineID) }
        let claimLevel = adjudication.isClaimDenied ? adjudication.claimAdjustments : []
        let patientSide = (deniedLines.flatMap(\.adjustments) + claimLevel).filter { $0.group == .patient && $0.amount > .zero }
        return (patientSide, patientSide.map(\.amount).sum())
    }

    private static func add(_ adjustments: [CASAdjustment], denied: Bool, to posting: inout Posting) {
        for cas in adjustments {
            if cas.isPriorPayerImpact {
                posting.priorPayerImpact += cas.amount
            } else if cas.group == .patient {
                switch cas.reason {
                case AdjustmentCatalog.deductible: posting.patientResponsibility.deductible += cas.amount
                case AdjustmentCatalog.coinsurance: posting.patientResponsibility.coinsurance += cas.amount
                case AdjustmentCatalog.copay: posting.patientResponsibility.copay += cas.amount
                default: posting.patientResponsibility.other += cas.amount
                }
            } else if denied {
                posting.denied += cas.amount
            } else {
                posting.adjustments += cas.amount
            }
        }
    }

    /// Index of the latest active adjudication with a payer claim number.
    static func activeAdjudication(_ number: String, in state: State) -> Int? {
        state.adjudications.lastIndex { !$0.reversed && $0.adjudication.payerClaimNumber == number }
    }

    /// Negates an earlier adjudication (CLP02 = 22); the payer usually re-adjudicates next.
    static func reverse(_ number: String, _ date: LocalDate, _ period: AccountingPeriod, _ state: State)
        throws(Rejection) -> [Event]
    {
        let id = state.claimID!
        try require(
            state.status, in: [.adjudicated, .denied, .awaitingNextPayer, .closed, .acknowledged, .submitted], "reverse"
        )
        guard let index = activeAdjudication(number, in: state) else { throw .noSuchAdjudication(number) }
        let record = state.adjudications[index]
        if state.adjudications[(index + 1)...].contains(where: { !$0.reversed && $0.payerOrder > record.payerOrder }) {
            throw .laterPayerAdjudicated
        }
        let returned = record.transferredTo == .patient ? record.posting.patientResponsibility.total : .zero
        let lines = Set(record.adjudication.lines.map(\.lineID))
        let resolved = state.openDenials.filter { Set($0.lineIDs).isSubset(of: lines) }.map(\.denialID)
        var events: [Event] = []
        if state.status == .closed {
            events.append(.reopened(.init(claimID: id, reason: "reversal \(number)", effectiveDate: date)))
        }
        events.append(
            .adjudicationReversed(
                .init(
                    claimID: id, payerClaimNumber: number, posting: record.posting, returnedFromPatient: returned,
                    payerID: record.adjudication.payerID, payerOrder: record.payerOrder, resolvedDenials: resolved,
                    effectiveDate: date, period: period)))
        return events
    }
}
