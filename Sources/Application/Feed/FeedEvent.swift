import Billing
import Foundation

/// One event of a practice's log as integrators see it (the events feed, webhooks): its place in the log,
/// its type and business date, and its payload as `IntegratorView` shows it (no clinical or free-text
/// content; the patient only by the pseudonymous key).
public struct FeedEvent: Sendable, Equatable {
    /// The position in the practice's log: gap-free, the feed's cursor and the SSE event id.
    public let position: Int64
    public let eventID: UUID
    public let eventType: String
    public let schemaVersion: Int
    public let stream: String
    public let streamVersion: Int64
    /// The business date (`YYYY-MM-DD`).
    public let effectiveDate: String
    public let recordedAt: Date
    /// The shown payload, as JSON with sorted keys.
    public let payload: Data

    /// The event as a JSON object (the feed's element and a webhook's body).
    public func jsonObject(practice: String) -> [String: Any] {
        [
            "position": position, "eventID": eventID.uuidString.lowercased(), "type": eventType, "schemaVersion": schemaVersion,
            "stream": stream, "streamVersion": streamVersion, "effectiveDate": effectiveDate,
            "recordedAt": Self.timestamp(recordedAt), "practice": practice,
            "payload": (try? JSONSerialization.jsonObject(with: payload)) ?? [:],
        ]
    }

    /// The event as JSON bytes, keys sorted (what a webhook signs and sends).
    public func json(practice: String) -> Data {
        (try? JSONSerialization.data(withJSONObject: jsonObject(practice: practice), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// A page of the feed: the events shown and where to resume.
public struct FeedPage: Sendable {
    /// The practice's slug.
    public let practice: String
    public let events: [FeedEvent]
    /// The last position read (shown or not): pass it as `after` to continue, with no gap and no repeat.
    public let next: Int64
    /// The practice's committed head when read.
    public let head: Int64
}
