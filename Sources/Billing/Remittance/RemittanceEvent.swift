import Foundation

/// Facts of a posted 835 payment (stream `remit-<payer id>-<trace number>`), appended in the same transaction
/// as the claim events it caused: the payment received, what could not be applied to a claim, and the
/// provider-level adjustments; then how a person worked its unapplied items (applied, held, released, refunded). Claim numbers, codes and amounts only, never a patient's identity.
public enum RemittanceEvent: StoredEvent {
    /// `remittance.received`: a payment (one 835 transaction set) was posted.
    case received(Received)
    /// `remittance.unapplied`: a claim payment or service line could not be applied; kept, never dropped.
    case unapplied(Unapplied)
    /// `remittance.provider_adjustment`: a PLB item, money moved at the provider level.
    case providerAdjustment(ProviderAdjustment)
    /// `remittance.item_applied`: an unapplied item posted to a claim a person named.
    case itemApplied(ItemApplied)
    /// `remittance.item_held`: an unapplied item set aside.
    case itemHeld(ItemHeld)
    /// `remittance.item_released`: a held item open again.
    case itemReleased(ItemReleased)
    /// `remittance.item_refunded`: unapplied money returned to the payer.
    case itemRefunded(ItemRefunded)

    /// The stream of one payment's events.
    public static func streamID(payerID: PayerID, traceNumber: String) -> String { "remit-\(payerID)-\(traceNumber)" }

    /// Every type name of the family.
    public static let eventTypes = [
        "remittance.received",
        "remittance.unapplied",
        "remittance.provider_adjustment",
        "remittance.item_applied",
        "remittance.item_held",
        "remittance.item_released",
        "remittance.item_refunded",
    ]

    /// Version 2 has camelCase keys, typed dates and no `""` for absent values.
    public static var schemaVersions: [String: Int] {
        ["remittance.received": 2, "remittance.unapplied": 2, "remittance.provider_adjustment": 2]
    }

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .received: "remittance.received"
        case .unapplied: "remittance.unapplied"
        case .providerAdjustment: "remittance.provider_adjustment"
        case .itemApplied: "remittance.item_applied"
        case .itemHeld: "remittance.item_held"
        case .itemReleased: "remittance.item_released"
        case .itemRefunded: "remittance.item_refunded"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .received(let p): try encodeJSON(p, encoder)
        case .unapplied(let p): try encodeJSON(p, encoder)
        case .providerAdjustment(let p): try encodeJSON(p, encoder)
        case .itemApplied(let p): try encodeJSON(p, encoder)
        case .itemHeld(let p): try encodeJSON(p, encoder)
        case .itemReleased(let p): try encodeJSON(p, encoder)
        case .itemRefunded(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "remittance.received": .received(try decodeJSON(Received.self, d, j))
        case "remittance.unapplied": .unapplied(try decodeJSON(Unapplied.self, d, j))
        case "remittance.provider_adjustment": .providerAdjustment(try decodeJSON(ProviderAdjustment.self, d, j))
        case "remittance.item_applied": .itemApplied(try decodeJSON(ItemApplied.self, d, j))
        case "remittance.item_held": .itemHeld(try decodeJSON(ItemHeld.self, d, j))
        case "remittance.item_released": .itemReleased(try decodeJSON(ItemReleased.self, d, j))
        case "remittance.item_refunded": .itemRefunded(try decodeJSON(ItemRefunded.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}
