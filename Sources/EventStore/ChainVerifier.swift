import Foundation
import Postgres

/// Re-walks a tenant's hash chain from the stored rows and names the first broken position.
public enum ChainVerifier {
    /// What is wrong at the first broken position.
    public enum Breakage: String, Sendable, Codable {
        /// The event's content no longer matches its hash.
        case changed
        /// A position is missing (a gap), or the tail is shorter than the head row or a seal says.
        case missing
        /// The chain's links do not meet: an event was inserted, removed and renumbered, or reordered.
        case inserted
        /// The events at the seal's position differ from what the seal recorded.
        case rewritten
    }

    /// The outcome for one tenant.
    public struct Report: Sendable, Codable, Equatable {
        /// The tenant.
        public let tenant: TenantID
        /// Events verified (up to the first break).
        public let count: Int64
        /// The hash of the last verified event (hex).
        public let headHash: String
        /// The first broken position, if any.
        public let brokenPosition: Int64?
        /// What is wrong there.
        public let breakage: Breakage?
        /// A sentence for a person.
        public let message: String

        /// True when the chain verified.
        public var isIntact: Bool { breakage == nil }
    }

    static let rowsSQL = SQL(
        "chain_rows",
        """
        SELECT tenant_id::text AS tenant, position, stream_id, stream_version, event_id::text AS event_id, event_type,
               schema_version, payload::text AS payload, metadata::text AS metadata,
               to_char(effective_date, 'YYYY-MM-DD') AS effective_date,
               (extract(epoch FROM recorded_at) * 1000000)::bigint AS recorded_us, db_user, prev_hash, hash
        FROM rcm.events WHERE tenant_id = $1 AND position > $2 ORDER BY position LIMIT $3
        """)

    /// Verifies the tenant's chain, and against a seal when one is given.
    public static func verify(
        tenant: TenantID, seal: Seal? = nil, batchSize: Int = 5000, in session: DatabaseSession
    ) throws -> Report {
        var running = CanonicalEvent.zeroHash
        var last: Int64 = 0
        var hashAtSeal: Data?
        func broken(_ position: Int64, _ kind: Breakage, _ message: String) -> Report {
            Report(
                tenant: tenant, count: last, headHash: running.hexString, brokenPosition: position, breakage: kind,
                message: message)
        }
        while true {
            let rows = try session.query(rowsSQL, [tenant, last, batchSize])
            if rows.count == 0 { break }
            for row in rows.rows {
                let position: Int64 = try row.decode("position")
                if position != last + 1 {
                    return broken(
                        last + 1, .missing,
                        "position \(last + 1) is missing: the next stored event is at \(position)")
                }
                let prevHash: Data = try row.decode("prev_hash")
                let storedHash: Data = try row.decode("hash")
                if prevHash != running {
                    return broken(
                        position, .inserted,
                        "position \(position) does not link to position \(last): an event was inserted, removed or reordered")
                }
                let canonical = CanonicalEvent(
                    tenant: try row.decode("tenant"), position: position, streamID: try row.decode("stream_id"),
                    streamVersion: try row.decode("stream_version"), eventID: try row.decode("event_id"),
                    eventType: try row.decode("event_type"), schemaVersion: try row.decode("schema_version"),
                    payload: try row.decode("payload"), metadata: try row.decode("metadata"),
                    effectiveDate: try row.decode("effective_date"), recordedAtMicroseconds: try row.decode("recorded_us"),
                    dbUser: try row.decode("db_user"))
                if canonical.hash(after: prevHash) != storedHash {
                    return broken(position, .changed, "position \(position) was changed: its content no longer matches its hash")
                }
                running = storedHash
                last = position
                if let seal, seal.position == position { hashAtSeal = storedHash }
            }
        }
        let head = try EventLog.head(tenant: tenant, in: session)
        if head.position > last {
            return broken(last + 1, .missing, "events after position \(last) are missing: the log head says \(head.position)")
        }
        if head.position == last, head.hash != running {
            return broken(last, .rewritten, "the log head's hash does not match the chain at position \(last)")
        }
        if let seal {
            if seal.position > last {
                return broken(
                    last + 1, .missing, "the log ends at position \(last) but the seal covers \(seal.position): events were removed")
            }
            if hashAtSeal?.hexString != seal.headHash {
                return broken(
                    seal.position, .rewritten,
                    "the chain was rewritten: the hash at position \(seal.position) differs from the seal's")
            }
        }
        return Report(
            tenant: tenant, count: last, headHash: running.hexString, brokenPosition: nil, breakage: nil,
            message: "\(last) events verified")
    }
}

extension Data {
    /// Lower-case hex.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
