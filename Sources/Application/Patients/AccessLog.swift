import Billing
import EventStore
import Foundation

/// Records reads of PHI as `access.phi_viewed` events in the tenant's log: who (the server's `db_user`
/// and the actor), what record, when, why, and whether it is a 42 CFR Part 2 record.
public struct AccessLog: Sendable {
    /// A log.
    public init() {}

    /// The stored type of a read.
    static let eventType = "access.phi_viewed"

    /// Decodes a recorded read.
    static func decode(_ event: RecordedEvent) throws -> AccessEvent.PHIViewed {
        switch try EventCodec().decode(AccessEvent.self, event.eventType, event.schemaVersion, event.payload) {
        case .phiViewed(let read): read
        }
    }

    /// Appends one access event; returns its position.
    @discardableResult
    public func record(
        record: String, patientKey: String? = nil, purpose: String, sensitive: Bool, context: CommandContext, in tx: any StoreTransaction
    ) throws -> Int64 {
        let viewed = AccessEvent.PHIViewed(record: record, purpose: purpose, sensitive: sensitive, patientKey: patientKey.map { PatientKey($0) })
        let encoded = try EventCodec().encode(BillingEvent.access(.phiViewed(viewed)))
        let event = NewEvent(
            eventID: UUID(), streamID: AccessEvent.streamID, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion, json: encoded.payload,
            metadata: context.metadata(), effectiveDate: context.today.description)
        return try tx.log.recordAccess(event, tenant: context.tenant.id)
    }
}
