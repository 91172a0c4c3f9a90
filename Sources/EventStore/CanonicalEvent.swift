import Crypto
import Foundation

/// The canonical bytes of a stored event and its chained hash, exactly as `rcm.event_canonical_bytes`
/// builds them in the database (docs/event-store.md is the definition an auditor can follow).
///
/// Text fields are a 4-byte big-endian byte length followed by their UTF-8 bytes; integers are big-endian
/// two's complement (8 bytes for positions, versions and times, 4 for the schema version); times are
/// microseconds since 1970-01-01T00:00:00Z; `payload` and `metadata` are PostgreSQL's own `jsonb` text
/// output of the stored values. `hash = SHA-256(prev_hash ‖ canonical bytes)`; the first `prev_hash` is
/// 32 zero bytes.
public struct CanonicalEvent: Sendable {
    /// The tenant id as lower-case text.
    public var tenant: String
    /// The position.
    public var position: Int64
    /// The stream id.
    public var streamID: String
    /// The stream version.
    public var streamVersion: Int64
    /// The event id as lower-case text.
    public var eventID: String
    /// The event type.
    public var eventType: String
    /// The schema version.
    public var schemaVersion: Int32
    /// The stored payload's `jsonb` text output.
    public var payload: String
    /// The stored metadata's `jsonb` text output.
    public var metadata: String
    /// The effective date, `YYYY-MM-DD`.
    public var effectiveDate: String
    /// `recorded_at` in microseconds since the epoch.
    public var recordedAtMicroseconds: Int64
    /// The database login.
    public var dbUser: String

    /// The chain's first `prev_hash`.
    public static let zeroHash = Data(repeating: 0, count: 32)

    /// The canonical bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = Array("RCM-EVENT-1".utf8)
        out.reserveCapacity(256 + payload.utf8.count + metadata.utf8.count)
        func text(_ value: String) {
            let utf8 = Array(value.utf8)
            integer(UInt32(utf8.count))
            out.append(contentsOf: utf8)
        }
        func integer<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.bigEndian) { out.append(contentsOf: $0) }
        }
        text(tenant)
        integer(position)
        text(streamID)
        integer(streamVersion)
        text(eventID)
        text(eventType)
        integer(schemaVersion)
        text(payload)
        text(metadata)
        text(effectiveDate)
        integer(recordedAtMicroseconds)
        text(dbUser)
        return out
    }

    /// `SHA-256(prevHash ‖ bytes)`.
    public func hash(after prevHash: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: prevHash)
        hasher.update(data: bytes)
        return Data(hasher.finalize())
    }
}
