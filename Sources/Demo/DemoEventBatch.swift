import Application
import Billing
import EventStore
import Foundation

/// Events decided in memory by the billing deciders, appended many at a time: one multi-stream append
/// per batch, each stream with the exact version it had before the batch, so a concurrent writer makes
/// the whole batch fail rather than interleave.
struct DemoEventBatch {
    let tenant: TenantID
    private let codec = EventCodec()
    private var events: [NewEvent] = []
    private var expectations: [(stream: String, expected: ExpectedVersion)] = []
    private var listed: Set<String> = []
    /// Each stream's version as far as this seeder knows (appended or pending).
    var versions: [String: Int64] = [:]
    /// Event ids are drawn from the seed.
    var ids: DemoRandom
    /// Events appended so far.
    private(set) var appended = 0

    init(tenant: TenantID, ids: DemoRandom) {
        self.tenant = tenant
        self.ids = ids
    }

    /// Events waiting for the next flush.
    var pending: Int { events.count }

    /// Queues events of one aggregate's stream.
    mutating func add<A: Aggregate>(_ type: A.Type, _ decided: [A.Event], stream: String, date: LocalDate, metadata: EventMetadata) throws {
        guard !decided.isEmpty else { return }
        let version = versions[stream] ?? 0
        if listed.insert(stream).inserted { expectations.append((stream, version == 0 ? .noStream : .exactly(version))) }
        for event in decided {
            let encoded = try codec.encode(A.wrap(event))
            events.append(
                NewEvent(
                    eventID: ids.uuid(), streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
                    json: encoded.payload, metadata: metadata, effectiveDate: date.description))
        }
        versions[stream] = version + Int64(decided.count)
    }

    /// Appends what is queued, in one request.
    mutating func flush(in tx: any StoreTransaction) throws {
        guard !events.isEmpty else { return }
        _ = try tx.log.append(AppendRequest(tenant: tenant, events: events, expectations: expectations))
        appended += events.count
        events.removeAll(keepingCapacity: true)
        expectations.removeAll(keepingCapacity: true)
        listed.removeAll(keepingCapacity: true)
    }
}
