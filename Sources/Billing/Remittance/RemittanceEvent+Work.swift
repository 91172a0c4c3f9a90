extension RemittanceEvent {
    /// Payload of `remittance.item_applied`: a person posted an unapplied item to a claim they named.
    public struct ItemApplied: Codable, Sendable, Equatable {
        /// The item (`U1`…) of the payment.
        public var itemID: String
        /// The claim it was posted to.
        public var claimNumber: ClaimNumber
        /// What it paid.
        public var paid: Money

        /// A payload.
        public init(itemID: String, claimNumber: ClaimNumber, paid: Money) {
            self.itemID = itemID
            self.claimNumber = claimNumber
            self.paid = paid
        }
    }

    /// Payload of `remittance.item_held`: an unapplied item set aside while someone finds out (a call to the payer).
    public struct ItemHeld: Codable, Sendable, Equatable {
        /// The item.
        public var itemID: String
        /// Why, in a person's words (no PHI).
        public var reason: String

        /// A payload.
        public init(itemID: String, reason: String) {
            self.itemID = itemID
            self.reason = reason
        }
    }

    /// Payload of `remittance.item_released`: a held item is open again.
    public struct ItemReleased: Codable, Sendable, Equatable {
        /// The item.
        public var itemID: String

        /// A payload.
        public init(itemID: String) { self.itemID = itemID }
    }

    /// Payload of `remittance.item_refunded`: unapplied money sent back to the payer (a refund check or an offset the
    /// payer confirmed); until then it is a credit the practice owes the payer.
    public struct ItemRefunded: Codable, Sendable, Equatable {
        /// The item.
        public var itemID: String
        /// The amount returned.
        public var amount: Money
        /// The refund check number or the payer's reference.
        public var reference: String

        /// A payload.
        public init(itemID: String, amount: Money, reference: String) {
            self.itemID = itemID
            self.amount = amount
            self.reference = reference
        }
    }
}
