import BillingX12
import EventStore
import Foundation

/// `x12.interchange_sent`: an 837P we wrote, with the claims in each transaction set, so a 999 can be
/// tied back to claims. Stored in the practice's `x12` stream; the raw file is in the PHI store.
public struct InterchangeRecord: Sendable, Codable, Equatable {
    /// The SHA-256 of the file (its key in the PHI store).
    public var sha256: String
    /// The file name written.
    public var fileName: String
    /// Control numbers and claim numbers.
    public var manifest: SubmissionManifest

    static let eventType = "x12.interchange_sent"
    static let streamID = "x12"

    /// Every interchange the tenant sent.
    public static func all(tenant: TenantID, in tx: any StoreTransaction) throws -> [InterchangeRecord] {
        try tx.log.readWholeStream(tenant: tenant, stream: streamID).filter { $0.eventType == eventType }.map {
            try JSONDecoder().decode(InterchangeRecord.self, from: $0.payload)
        }
    }

    func newEvent(context: CommandContext) throws -> NewEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return NewEvent(
            eventID: UUID(), streamID: Self.streamID, eventType: Self.eventType, schemaVersion: 1, json: try encoder.encode(self),
            metadata: context.metadata(), effectiveDate: context.today.description)
    }
}
