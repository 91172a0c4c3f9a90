import Billing
import EventStore
import Foundation

/// Loads billing aggregates from their streams, runs their deciders and appends what they decide, with
/// the stream's version as the expected version (a concurrent change makes the append fail, not merge).
public struct AggregateRepository: Sendable {
    private let codec = EventCodec()

    /// A repository.
    public init() {}

    /// A loaded aggregate: its state and the stream version it was folded from.
    public struct Loaded<A: Aggregate> {
        /// The state.
        public let state: A.State
        /// The stream's last version (0 when the stream does not exist).
        public let version: Int64
    }

    /// Folds a stream into its aggregate's state.
    public func load<A: Aggregate>(_ type: A.Type, stream: String, tenant: TenantID, in tx: any StoreTransaction) throws -> Loaded<A> {
        var state = A.initial
        var version: Int64 = 0
        var from: Int64 = 1
        while true {
            let events = try tx.log.readStream(tenant: tenant, stream: stream, from: from, limit: 5000)
            for recorded in events {
                let decoded = try codec.decode(eventType: recorded.eventType, schemaVersion: recorded.schemaVersion, payload: recorded.payload)
                if let event = A.unwrap(decoded) { state = A.evolve(state, event) }
                version = recorded.streamVersion
            }
            if events.count < 5000 { break }
            from = version + 1
        }
        return Loaded(state: state, version: version)
    }

    /// Runs a command against a stream: load, decide, append with the loaded version expected.
    /// Returns the new state and the events appended (none when the decider decided nothing).
    @discardableResult
    public func execute<A: Aggregate>(
        _ type: A.Type, stream: String, command: A.Command, effectiveDate: LocalDate, context: CommandContext,
        idempotencyKey: String? = nil, decide: ((A.Command, A.State) throws(A.Rejection) -> [A.Event])? = nil,
        in tx: any StoreTransaction
    ) throws -> (state: A.State, events: [A.Event]) {
        let loaded = try load(type, stream: stream, tenant: context.tenant.id, in: tx)
        let events: [A.Event]
        do {
            events = try (decide ?? A.decide)(command, loaded.state)
        } catch {
            throw CommandRejected(error.description)
        }
        guard !events.isEmpty else { return (loaded.state, []) }
        try append(type, events, stream: stream, expected: loaded.version == 0 ? .noStream : .exactly(loaded.version),
                   effectiveDate: effectiveDate, context: context, idempotencyKey: idempotencyKey, in: tx)
        return (events.reduce(loaded.state, A.evolve), events)
    }

    /// Appends already-decided events to a stream; the result says whether an idempotency key replayed them.
    @discardableResult
    public func append<A: Aggregate>(
        _ type: A.Type, _ events: [A.Event], stream: String, expected: ExpectedVersion, effectiveDate: LocalDate,
        context: CommandContext, idempotencyKey: String? = nil, in tx: any StoreTransaction
    ) throws -> AppendResult {
        let metadata = context.metadata()
        let newEvents = try events.map { event -> NewEvent in
            let encoded = try codec.encode(A.wrap(event))
            return NewEvent(
                eventID: UUID(), streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
                json: encoded.payload, metadata: metadata, effectiveDate: effectiveDate.description)
        }
        return try tx.log.append(
            AppendRequest(tenant: context.tenant.id, events: newEvents, expectations: [(stream, expected)], idempotencyKey: idempotencyKey))
    }
}
