import Billing
import EventStore
import Foundation

/// Reading and writing the `eligibility.*` events of a practice.
enum EligibilityRecords {
    static let codec = EventCodec()

    /// An event ready to append.
    static func newEvent(_ event: EligibilityEvent, stream: String, context: CommandContext) throws -> NewEvent {
        let encoded = try codec.encode(BillingEvent.eligibility(event))
        return NewEvent(
            eventID: UUID(), streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion, json: encoded.payload,
            metadata: context.metadata(), effectiveDate: context.today.description)
    }

    /// The events of one of the practice's streams (270s, policy).
    static func practiceEvents(_ stream: String = EligibilityEvent.inquiriesStreamID, tenant: TenantID, in tx: any StoreTransaction) throws -> [EligibilityEvent] {
        try tx.log.readWholeStream(tenant: tenant, stream: stream).map {
            try codec.decode(EligibilityEvent.self, $0.eventType, $0.schemaVersion, $0.payload)
        }
    }

    /// Every 270 the practice sent.
    static func inquiriesSent(tenant: TenantID, in tx: any StoreTransaction) throws -> [EligibilityEvent.InquirySent] {
        try practiceEvents(tenant: tenant, in: tx).compactMap { if case .inquirySent(let sent) = $0 { sent } else { nil } }
    }

    /// Days an eligibility check stays current for the practice: the last policy set, else 30.
    static func policyDays(tenant: TenantID, in tx: any StoreTransaction) throws -> Int {
        try practiceEvents(EligibilityEvent.policyStreamID, tenant: tenant, in: tx).compactMap { if case .policySet(let policy) = $0 { policy.days } else { nil } }.last
            ?? EligibilityEvent.defaultPolicyDays
    }

    /// A patient's eligibility history.
    static func history(_ key: PatientKey, tenant: TenantID, in tx: any StoreTransaction) throws -> EligibilityHistory {
        EligibilityHistory(
            try tx.log.readWholeStream(tenant: tenant, stream: EligibilityEvent.streamID(key)).map {
                (try codec.decode(EligibilityEvent.self, $0.eventType, $0.schemaVersion, $0.payload), LocalDate(String($0.effectiveDate.prefix(10))) ?? LocalDate(daysSinceEpoch: 0))
            })
    }
}
