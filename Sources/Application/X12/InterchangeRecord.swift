import Billing
import EventStore
import Foundation

/// `x12.interchange_sent` (`Billing.InterchangeEvent.Sent`): an 837P we wrote, with the claims in each
/// transaction set, so a 999 can be tied back to claims. Stored in the practice's `x12` stream; the raw file
/// is in the PHI store.
public typealias InterchangeRecord = InterchangeEvent.Sent

extension InterchangeRecord {
    /// Every interchange the tenant sent.
    public static func all(tenant: TenantID, in tx: any StoreTransaction) throws -> [InterchangeRecord] {
        let codec = EventCodec()
        return try tx.log.readWholeStream(tenant: tenant, stream: InterchangeEvent.streamID)
            .filter { InterchangeEvent.eventTypes.contains($0.eventType) }
            .map {
                switch try codec.decode(InterchangeEvent.self, $0.eventType, $0.schemaVersion, $0.payload) {
                case .sent(let record): record
                }
            }
    }

    func newEvent(context: CommandContext) throws -> NewEvent {
        let encoded = try EventCodec().encode(BillingEvent.interchange(.sent(self)))
        return NewEvent(
            eventID: UUID(), streamID: InterchangeEvent.streamID, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
            json: encoded.payload, metadata: context.metadata(), effectiveDate: context.today.description)
    }
}
