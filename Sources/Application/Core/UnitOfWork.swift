import Billing
import EventStore
import Foundation

/// Many commands against many streams of one tenant, decided in memory and appended with one call.
///
/// Each stream is folded once, when first touched; its loaded version becomes the append's expected
/// version, so a concurrent writer still makes the whole append fail rather than merge. Used where one
/// business operation touches many aggregates (an 835 payment posts dozens of claims).
struct UnitOfWork {
    let context: CommandContext
    private let codec = EventCodec()
    private var states: [String: Any] = [:]
    private var versions: [String: Int64] = [:]
    private var order: [String] = []
    private(set) var events: [NewEvent] = []

    init(context: CommandContext) {
        self.context = context
    }

    /// Takes a state the caller already folded (and the version it was folded from).
    mutating func preload<A: Aggregate>(_ type: A.Type, stream: String, state: A.State, version: Int64) {
        guard states[stream] == nil else { return }
        states[stream] = state
        versions[stream] = version
        order.append(stream)
    }

    /// The aggregate's current state in this unit (loaded on first use).
    mutating func state<A: Aggregate>(_ type: A.Type, stream: String, in tx: any StoreTransaction) throws -> A.State {
        if let state = states[stream] as? A.State { return state }
        let loaded = try AggregateRepository().load(type, stream: stream, tenant: context.tenant.id, in: tx)
        states[stream] = loaded.state
        versions[stream] = loaded.version
        order.append(stream)
        return loaded.state
    }

    /// Decides a command, keeps its events for the append and returns them.
    @discardableResult
    mutating func run<A: Aggregate>(
        _ type: A.Type, stream: String, _ command: A.Command, on date: LocalDate,
        decide: ((A.Command, A.State) throws(A.Rejection) -> [A.Event])? = nil, in tx: any StoreTransaction
    ) throws -> [A.Event] {
        let current = try state(type, stream: stream, in: tx)
        let decided: [A.Event]
        do { decided = try (decide ?? A.decide)(command, current) } catch { throw CommandRejected(error.description) }
        states[stream] = decided.reduce(current, A.evolve)
        let metadata = context.metadata()
        for event in decided {
            let encoded = try codec.encode(A.wrap(event))
            events.append(
                NewEvent(
                    eventID: UUID(), streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
                    json: encoded.payload, metadata: metadata, effectiveDate: date.description))
        }
        return decided
    }

    /// A claim command with the claim's life applied (`Claim.decideInLife`) and its authorization and
    /// patient-account consequences.
    mutating func runClaim(_ id: ClaimID, _ command: Claim.Command, on date: LocalDate, in tx: any StoreTransaction) throws {
        let decided = try run(Claim.self, stream: Claim.streamID(id), command, on: date, decide: Claim.decideInLife, in: tx)
        guard let key = try state(Claim.self, stream: Claim.streamID(id), in: tx).patientKey else { return }
        for event in decided {
            for follow in Claim.authorizationCommands(for: event, patientKey: key) {
                try run(Patient.self, stream: Patient.streamID(key), follow, on: date, in: tx)
            }
            for follow in Claim.accountCommands(for: event) {
                try run(PatientAccount.self, stream: PatientAccount.streamID(key), follow, on: date, in: tx)
            }
        }
    }

    /// Appends `leading` (e.g. the event carrying the idempotency key), then everything decided, in one call.
    /// `extraExpectations` are streams of `leading` or `trailing` events that must be at a version.
    func append(
        leading: [NewEvent] = [], trailing: [NewEvent] = [], extraExpectations: [(stream: String, expected: ExpectedVersion)] = [],
        idempotencyKey: String?, in tx: any StoreTransaction
    ) throws -> AppendResult {
        let expectations = extraExpectations + order.filter { stream in events.contains { $0.streamID == stream } }.map { stream in
            (stream: stream, expected: (versions[stream] ?? 0) == 0 ? ExpectedVersion.noStream : .exactly(versions[stream]!))
        }
        return try tx.log.append(
            AppendRequest(tenant: context.tenant.id, events: leading + events + trailing, expectations: expectations, idempotencyKey: idempotencyKey))
    }
}
