import EventStore
import Foundation
import Postgres
import Synchronization

/// The events every write figure uses: a claim-sized payload (about 300 bytes of JSON, money as decimal
/// text) and full metadata. The product's appends and the limits write exactly these values.
enum BenchEvents {
    static let eventType = "claim.line_submitted"
    static let effectiveDate = "2026-03-02"

    /// One event of `stream`.
    static func event(stream: String, sequence: Int) -> NewEvent {
        let claim = UUID().uuidString.lowercased()
        let payload = """
            {"claim_id":"\(claim)","line":\(sequence),"session_id":"\(UUID().uuidString.lowercased())",\
            "procedure":"90837","modifiers":["95"],"units":"1","charge":"180.00","place_of_service":"10",\
            "diagnoses":["F331","F411"],"rendering_npi":"1234567893","payer_id":"ACME1","service_date":"2026-02-24"}
            """
        return NewEvent(
            eventID: UUID(), streamID: stream, eventType: eventType, schemaVersion: 1, payload: JSONText(payload),
            metadata: EventMetadata(actor: "bench", source: "bench", correlationID: UUID()),
            effectiveDate: effectiveDate)
    }

    /// A batch of `streams × perStream` events, stream after stream, each stream new (`tag` keeps names unique).
    static func batch(tag: String, streams: Int, perStream: Int) -> [NewEvent] {
        var events: [NewEvent] = []
        events.reserveCapacity(streams * perStream)
        for stream in 0..<streams {
            let name = "claim-\(tag)-\(stream)"
            for sequence in 1...perStream { events.append(event(stream: name, sequence: sequence)) }
        }
        return events
    }
}

/// Which practice and stream the next single-event command goes to: a practice drawn at random (a fixed
/// seed per client), then that client's current stream in it; each stream takes 8 events, so expected
/// versions are `no stream` for the first and `exactly n` after.
struct SingleEventStreams {
    let tag: String
    let client: Int
    let practices: [TenantID]
    private var counts: [Int]
    private var random: SplitMix

    init(tag: String, client: Int, practices: [TenantID]) {
        self.tag = tag
        self.client = client
        self.practices = practices
        self.counts = Array(repeating: 0, count: practices.count)
        self.random = SplitMix(seed: UInt64(client + 1) &* 0x2545_F491_4F6C_DD1D)
    }

    mutating func next() -> (tenant: TenantID, stream: String, version: Int64) {
        let practice = Int(random.next() % UInt64(practices.count))
        let count = counts[practice]
        counts[practice] += 1
        return (practices[practice], "claim-\(tag)-\(client)-\(practice)-\(count / 8)", Int64(count % 8 + 1))
    }
}

/// The scratch table of the limits: `LIKE` the log's table `INCLUDING ALL` (the same columns, checks, primary key,
/// unique constraints and the type index), without the log's triggers and row-level security.
enum LimitTable {
    static let name = "bench.events_limit"
    static let columns =
        "tenant_id, position, stream_id, stream_version, event_id, event_type, schema_version, payload, metadata, effective_date, recorded_at, db_user, prev_hash, hash"

    static let insertSQL = SQL(
        "bench_limit_insert",
        "INSERT INTO \(name) (\(columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)")
    static let copySQL = SQL("bench_limit_copy", "COPY \(name) (\(columns)) FROM STDIN", prepared: false)

    /// Creates the table (empty).
    static func create(in session: DatabaseSession) throws {
        try session.executeScript(
            """
            CREATE SCHEMA IF NOT EXISTS bench;
            DROP TABLE IF EXISTS \(name);
            CREATE TABLE \(name) (LIKE \(EventLog.tableName) INCLUDING ALL);
            """, name: "bench_limit_create")
    }

    /// Copies every row of the log's table into the scratch table.
    static func fill(in session: DatabaseSession) throws {
        try session.executeScript("INSERT INTO \(name) SELECT * FROM \(EventLog.tableName)", name: "bench_limit_fill")
    }

    /// A 32-byte stand-in for a hash (the limit does not chain; the server computes the real one).
    static func hashBytes(_ id: UUID) -> [UInt8] {
        let u = id.uuid
        let half: [UInt8] = [u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15]
        return half + half
    }

    /// The INSERT's parameters for one event at a position.
    static func parameters(tenant: TenantID, position: Int64, version: Int64, event: NewEvent) -> [SQLParameter] {
        let hash = hashBytes(event.eventID)
        return [
            tenant.sqlParameter, position.sqlParameter, event.streamID.sqlParameter, version.sqlParameter,
            event.eventID.sqlParameter, event.eventType.sqlParameter, event.schemaVersion.sqlParameter,
            event.payload.sqlParameter, JSONText(event.metadata.jsonText).sqlParameter, event.effectiveDate.sqlParameter,
            Date().sqlParameter, "rcm_admin".sqlParameter, SQLParameter(binary: hash), SQLParameter(binary: hash),
        ]
    }

    /// The COPY text row for one event at a position.
    static func row(tenant: TenantID, position: Int64, version: Int64, event: NewEvent, recordedAt: String) -> [String?] {
        let hash = hexBytea(hashBytes(event.eventID))
        return [
            tenant.description, String(position), event.streamID, String(version), event.eventID.uuidString.lowercased(),
            event.eventType, String(event.schemaVersion), event.payload.text, event.metadata.jsonText,
            event.effectiveDate, recordedAt, "rcm_admin", hash, hash,
        ]
    }
}

/// Positions for the scratch table, handed out per tenant without a lock in the database (the limit has
/// none to take); a client-side mutex costs nanoseconds.
final class LimitPositions: Sendable {
    private let next = Mutex<[TenantID: Int64]>([:])

    /// Starts after the table's current positions.
    init(session: DatabaseSession) throws {
        let rows = try session.query(
            SQL("bench_limit_heads", "SELECT tenant_id, max(position) AS position FROM \(LimitTable.name) GROUP BY tenant_id"))
        var heads: [TenantID: Int64] = [:]
        for row in rows.rows { heads[try row.decode("tenant_id")] = try row.decode("position") }
        next.withLock { $0 = heads }
    }

    /// Reserves `count` positions and returns the first.
    func reserve(_ tenant: TenantID, count: Int64 = 1) -> Int64 {
        next.withLock { heads in
            let first = (heads[tenant] ?? 0) + 1
            heads[tenant] = first + count - 1
            return first
        }
    }
}

/// `\\x…` hex text of bytes, for a `bytea` in COPY's text format.
func hexBytea(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = [92, 120]
    text.reserveCapacity(2 + bytes.count * 2)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 15)])
    }
    return String(decoding: text, as: UTF8.self)
}
