import EventStore
import Foundation
import Postgres

/// What commands ask of a patient's or a practice's streams: claims by patient or payer, accounts, sessions.
/// Read through the event store (by type, with a bound `jsonb` containment filter); ids come from the
/// streams' names (`claim-…`, `account-…`, `session-…`), never from payload keys.
public enum PatientIndex {
    /// A tenant's claim ids, oldest first, optionally of one patient or one payer.
    public static func claimIDs(tenant: TenantID, patient: String?, payer: String?, in session: DatabaseSession) throws -> [String] {
        var filter: [String: String] = [:]
        if let patient { filter["patientKey"] = patient }
        if let payer { filter["payerID"] = payer }
        return try events(tenant: tenant, type: "claim.created", containing: filter.isEmpty ? nil : filter, in: session)
            .map { String($0.streamID.dropFirst("claim-".count)) }
    }

    /// Patient keys with an account, in opening order.
    public static func accounts(tenant: TenantID, in session: DatabaseSession) throws -> [String] {
        try events(tenant: tenant, type: "account.opened", containing: nil, in: session)
            .map { String($0.streamID.dropFirst("account-".count)) }
    }

    /// A patient's session ids with a date of service in a range, by date of service.
    public static func sessionIDs(tenant: TenantID, patient: String, from: String, through: String, in session: DatabaseSession) throws -> [String] {
        try events(tenant: tenant, type: "session.logged", containing: ["record": ["patientKey": patient]], asOf: through, in: session)
            .filter { $0.effectiveDate >= from }
            .sorted { ($0.effectiveDate, $0.position) < ($1.effectiveDate, $1.position) }
            .map { String($0.streamID.dropFirst("session-".count)) }
    }

    /// Every event of a type in the tenant's log whose payload contains `document`, in position order, read in
    /// batches up to the head seen first.
    static func events(
        tenant: TenantID, type: String, containing document: [String: Any]?, asOf: String? = nil, in session: DatabaseSession
    ) throws -> [RecordedEvent] {
        let filter = try document.map { JSONText(data: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])) }
        let head = try EventLog.headPosition(tenant: tenant, in: session)
        let batch = 5000
        var found: [RecordedEvent] = []
        var position: Int64 = 0
        while position < head {
            let events = try EventLog.readLog(
                tenant: tenant, after: position, through: head, limit: batch, types: [type], asOf: asOf,
                payloadContaining: filter, in: session)
            found += events
            guard events.count == batch, let last = events.last else { break }
            position = last.position
        }
        return found
    }
}
