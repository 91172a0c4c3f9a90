extension PatientAccount {
    /// Decides what an account command records.
    public static func decide(_ command: Command, _ state: State) throws(Rejection) -> [Event] {
        if case .open(let key, let selfPay, let date) = command {
            guard state.patientKey == nil else { throw .alreadyOpen }
            return [.opened(.init(patientKey: key, selfPay: selfPay, effectiveDate: date))]
        }
        guard let key = state.patientKey else { throw .notOpen }
        switch command {
        case .open: throw .alreadyOpen
        case .postCharge(let source, let amount, let date, let period):
            guard amount > .zero else { throw .nonPositiveAmount }
            var exceeded = false
            if case .session = source, let estimate = state.estimate, date <= estimate.validThrough {
                exceeded = state.chargesSinceEstimate + amount - estimate.total >= goodFaithEstimateTolerance
            }
            return [
                .chargePosted(
                    .init(
                        patientKey: key, source: source, amount: amount, goodFaithEstimateExceeded: exceeded,
                        effectiveDate: date, period: period))
            ]
        case .reverseCharge(let source, let amount, let date, let period):
            guard amount > .zero else { throw .nonPositiveAmount }
            let charged = state.chargesBySource[source] ?? .zero
            guard amount <= charged else { throw .exceedsCharge(amount: amount, charged: charged) }
            return [
                .chargeReversed(
                    .init(patientKey: key, source: source, amount: amount, effectiveDate: date, period: period))
            ]
        case .receivePayment(let id, let amount, let method, let date, let period):
            guard amount > .zero else { throw .nonPositiveAmount }
            guard !state.payments.contains(id) else { throw .duplicatePayment(id) }
            return [
                .paymentReceived(
                    .init(
                        patientKey: key, paymentID: id, amount: amount, method: method, effectiveDate: date,
                        period: period))
            ]
        case .issueRefund(let id, let amount, let date, let period):
            guard amount > .zero else { throw .nonPositiveAmount }
            guard amount <= state.credit else { throw .exceedsCredit(amount: amount, credit: state.credit) }
            return [
                .refundIssued(
                    .init(patientKey: key, paymentID: id, amount: amount, effectiveDate: date, period: period))
            ]
        case .adjust(let amount, let reason, let date, let period):
            guard amount > .zero else { throw .nonPositiveAmount }
            guard !reason.isEmpty else { throw .reasonRequired }
            guard amount <= state.balance else { throw .exceedsBalance(amount: amount, balance: state.balance) }
            return [
                .adjusted(.init(patientKey: key, amount: amount, reason: reason, effectiveDate: date, period: period))
            ]
        case .writeOff(let amount, let reason, let date, let period):
            guard amount > .zero else { throw .nonPositiveAmount }
            guard reason != .timelyFiling else { throw .timelyFilingNotPatients }
            guard amount <= state.balance else { throw .exceedsBalance(amount: amount, balance: state.balance) }
            return [
                .writtenOff(.init(patientKey: key, amount: amount, reason: reason, effectiveDate: date, period: period))
            ]
        case .generateStatement(let id, let due, let date):
            guard !state.documents.contains(id) else { throw .duplicateDocument(id) }
            guard state.balance > .zero else { throw .nothingDue }
            return [
                .statementGenerated(
                    .init(patientKey: key, documentID: id, amountDue: state.balance, dueDate: due, effectiveDate: date))
            ]
        case .createEstimate(let id, let items, let through, let date):
            guard !state.documents.contains(id) else { throw .duplicateDocument(id) }
            guard state.selfPay else { throw .notSelfPay }
            guard !items.isEmpty, items.allSatisfy({ $0.quantity > 0 && !$0.unitCharge.isNegative }) else {
                throw .empty
            }
            return [
                .estimateCreated(
                    .init(
                        patientKey: key, documentID: id, items: items, total: items.map(\.total).sum(),
                        validThrough: through, effectiveDate: date))
            ]
        case .issueSuperbill(let id, let superbill, let date):
            guard !state.documents.contains(id) else { throw .duplicateDocument(id) }
            guard !superbill.lines.isEmpty else { throw .empty }
            guard NPI.isValid(superbill.providerNPI) else { throw .invalidNPI(superbill.providerNPI) }
            return [.superbillIssued(.init(patientKey: key, documentID: id, superbill: superbill, effectiveDate: date))]
        }
    }

    /// Applies a fact to the account. Keeps `charges = patientPaid + adjustments + writeOffs − refunds + balance`.
    public static func evolve(_ state: State, _ event: Event) -> State {
        var s = state
        switch event {
        case .opened(let e):
            s.patientKey = e.patientKey
            s.selfPay = e.selfPay
        case .chargePosted(let e):
            s.charges += e.amount
            s.balance += e.amount
            s.chargesBySource[e.source, default: .zero] += e.amount
            if case .session = e.source, let estimate = s.estimate, e.effectiveDate <= estimate.validThrough {
                s.chargesSinceEstimate += e.amount
            }
        case .chargeReversed(let e):
            s.charges -= e.amount
            s.balance -= e.amount
            s.chargesBySource[e.source, default: .zero] -= e.amount
        case .paymentReceived(let e):
            s.patientPaid += e.amount
            s.balance -= e.amount
            s.payments.insert(e.paymentID)
        case .refundIssued(let e):
            s.refunds += e.amount
            s.balance += e.amount
        case .adjusted(let e):
            s.adjustments += e.amount
            s.balance -= e.amount
        case .writtenOff(let e):
            s.writeOffs += e.amount
            s.balance -= e.amount
        case .statementGenerated(let e): s.documents.insert(e.documentID)
        case .estimateCreated(let e):
            s.documents.insert(e.documentID)
            s.estimate = EstimateSummary(documentID: e.documentID, total: e.total, validThrough: e.validThrough)
            s.chargesSinceEstimate = .zero
        case .superbillIssued(let e): s.documents.insert(e.documentID)
        }
        return s
    }
}
