import Billing
import EventStore
import Foundation
import Postgres

/// A claim's whole history from the log: each event with who, when (effective and recorded), from what
/// source, why, and the balances after it (computed by the billing domain's own `Claim.evolve`).
public enum ClaimHistory {
    /// One event of the history.
    public struct Entry: Sendable, Hashable {
        /// Position in the tenant's log.
        public let position: Int64
        /// Version in the claim's stream.
        public let streamVersion: Int64
        /// The event type.
        public let eventType: String
        /// The business date.
        public let effectiveDate: String
        /// When the server recorded it.
        public let recordedAt: Date
        /// The staff user named in the metadata.
        public let actor: String
        /// The database login that appended it.
        public let dbUser: String
        /// The source (`cli`, `api`, `x12:…`).
        public let source: String
        /// Why, when a person gave a reason.
        public let reason: String?
        /// Insurance balance after the event, in cents.
        public let insuranceBalance: Int64
        /// Patient balance after the event, in cents.
        public let patientBalance: Int64
        /// What the event says, for events that carry their own why (a denial's codes, an appeal's reference, a
        /// denial's owner, a rejection's status, a scrub's verdict).
        public var detail: String? = nil
        /// Total balance after the event, in cents.
        public var balance: Int64 { insuranceBalance + patientBalance }
    }

    /// The history of a claim, given its id or its claim number.
    public static func load(tenant: TenantID, claim: String, in session: DatabaseSession) throws -> [Entry] {
        let keys = try ["claimNumber", "claimID"].map { key in
            JSONText(data: try JSONSerialization.data(withJSONObject: [key: claim]))
        }
        guard
            let created = try EventLog.firstEvent(
                tenant: tenant, type: "claim.created", payloadContainingAny: keys, in: session)
        else {
            throw ProjectionError.unknownClaim(claim)
        }
        let codec = EventCodec()
        var state = Claim.initial
        var entries: [Entry] = []
        var version: Int64 = 1
        while true {
            let events = try EventLog.readStream(
                tenant: tenant, stream: created.streamID, from: version, limit: 1000, in: session)
            for event in events {
                var detail: String?
                if case .claim(let claimEvent) = try codec.decode(
                    eventType: event.eventType, schemaVersion: event.schemaVersion, payload: event.payload)
                {
                    state = Claim.evolve(state, claimEvent)
                    detail = Self.detail(claimEvent, after: state)
                }
                let metadata = try event.decodedMetadata()
                entries.append(
                    Entry(
                        position: event.position, streamVersion: event.streamVersion, eventType: event.eventType,
                        effectiveDate: event.effectiveDate, recordedAt: event.recordedAt, actor: metadata.actor,
                        dbUser: event.dbUser, source: metadata.source, reason: metadata.reason,
                        insuranceBalance: state.insuranceBalance.cents, patientBalance: state.patientBalance.cents, detail: detail))
            }
            guard events.count == 1000, let last = events.last else { break }
            version = last.streamVersion + 1
        }
        return entries
    }

    /// The history as a report: every column in full for machines (CSV, JSON); for people (a table) one that fits
    /// a terminal, with the actor and login together when they differ, times to the second and the file's digest
    /// shortened. The reason column holds the person's reason, else what the event itself says.
    public static func report(_ entries: [Entry], forPeople: Bool = false) -> Report {
        if forPeople { return compact(entries) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return Report(
            name: "claim-history",
            columns: [
                .init("position", .count), .init("event", .text), .init("effective", .text), .init("recorded", .text),
                .init("actor", .text), .init("db_user", .text), .init("source", .text), .init("reason", .text),
                .init("insurance_balance", .money), .init("patient_balance", .money), .init("balance", .money),
            ],
            rows: entries.map { e in
                [
                    .count(e.position), .text(e.eventType), .text(e.effectiveDate), .text(formatter.string(from: e.recordedAt)),
                    .text(e.actor), .text(e.dbUser), .text(e.source), (e.reason ?? e.detail).map { .text($0) } ?? .null,
                    .money(e.insuranceBalance), .money(e.patientBalance), .money(e.balance),
                ]
            })
    }
}
