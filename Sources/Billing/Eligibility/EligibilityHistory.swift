/// A patient's eligibility as the log tells it: the latest answer per payer and the carve-outs routed. Pure;
/// folded from the patient's `eligibility-<key>` stream with each event's business date.
public struct EligibilityHistory: Sendable, Equatable {
    /// An answer with the business date it was recorded on.
    public struct Answer: Sendable, Equatable {
        /// What the 271 said.
        public var check: EligibilityEvent.Checked
        /// When it was imported.
        public var on: LocalDate
    }

    /// The latest `eligibility.checked` per payer.
    public private(set) var latest: [PayerID: Answer] = [:]
    /// Confirmed routings, by the payer on the card.
    public private(set) var routes: [PayerID: EligibilityEvent.CarveOutRouted] = [:]

    /// No answer yet.
    public init() {}

    /// Folds events of the patient's stream, oldest first, each with its business date.
    public init(_ events: [(event: EligibilityEvent, on: LocalDate)]) {
        for (event, date) in events { apply(event, on: date) }
    }

    /// Applies one event.
    public mutating func apply(_ event: EligibilityEvent, on date: LocalDate) {
        switch event {
        case .inquirySent, .policySet: break
        case .checked(let check):
            if let current = latest[check.payerID], current.on > date { return }
            latest[check.payerID] = Answer(check: check, on: date)
        case .carveOutRouted(let route):
            routes[route.fromPayerID] = route
        }
    }

    /// The patient with the coverages routed to carve-out payers added: the coverages to bill.
    public func routed(_ patient: Patient.State) -> Patient.State {
        var patient = patient
        for route in routes.values where patient.coverages[route.coverage.id] == nil { patient.coverages[route.coverage.id] = route.coverage }
        return patient
    }

    /// The most recent answer of any payer.
    public var mostRecent: Answer? { latest.values.max { $0.on < $1.on } }
}
