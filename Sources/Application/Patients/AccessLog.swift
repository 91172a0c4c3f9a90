import EventStore
import Foundation

/// Records reads of PHI as `access.phi_viewed` events in the tenant's log: who (the server's `db_user`
/// and the actor), what record, when, why, and whether it is a 42 CFR Part 2 record.
public struct AccessLog: Sendable {
    /// A log.
    public init() {}

    /// The stored type of a read.
    static let eventType = "access.phi_viewed"

    /// A recorded read, decoded.
    struct Read {
        var record: String
        var purpose: String
        var sensitive: Bool
        var patientKey: String?
    }

    /// Decodes a recorded read.
    static func decode(_ event: RecordedEvent) throws -> Read {
        let object = try JSONSerialization.jsonObject(with: event.payload) as? [String: Any] ?? [:]
        return Read(
            record: object["record"] as? String ?? "", purpose: object["purpose"] as? String ?? "", sensitive: object["sensitive"] as? Bool ?? false,
            patientKey: object["patient_key"] as? String)
    }

    /// Appends one access event; returns its position.
    @discardableResult
    public func record(
        record: String, patientKey: String? = nil, purpose: String, sensitive: Bool, context: CommandContext, in tx: any StoreTransaction
    ) throws -> Int64 {
        var payload: [String: Any] = ["record": record, "purpose": purpose, "sensitive": sensitive]
        if let patientKey { payload["patient_key"] = patientKey }
        let data = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
        let event = NewEvent(
            eventID: UUID(), streamID: "access", eventType: Self.eventType, schemaVersion: 1, json: data,
            metadata: context.metadata(), effectiveDate: context.today.description)
        return try tx.log.recordAccess(event, tenant: context.tenant.id)
    }
}
