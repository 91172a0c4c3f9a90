/// An 837P interchange (005010X222A1) as X12 sees it: envelope, submitter, receiver, and billing providers with
/// their subscribers and claims. The writer turns it into bytes; the reader gives it back.
///
/// Control numbers, date and time come from the caller (the envelope); nothing here reads a clock.
public struct ProfessionalClaimInterchange: Sendable, Hashable, Codable {
    /// ISA/GS data.
    public var envelope: InterchangeEnvelope
    /// ST02.
    public var transactionControlNumber: String
    /// BHT03: the batch reference, echoed by the 277CA TRN*2 at the receiver level.
    public var batchReference: String
    /// BHT02: `00` original, `18` reissue.
    public var purpose: String
    /// BHT06: `CH` claims, `RP` encounters.
    public var claimOrEncounter: String
    /// Loop 1000A.
    public var submitter: Submitter
    /// Loop 1000B.
    public var receiver: Receiver
    /// Loop 2000A, each with its subscribers and claims.
    public var billingProviders: [BillingProvider]

    /// An interchange.
    public init(envelope: InterchangeEnvelope, transactionControlNumber: String, batchReference: String,
                purpose: String = "00", claimOrEncounter: String = "CH", submitter: Submitter, receiver: Receiver,
                billingProviders: [BillingProvider]) {
        self.envelope = envelope
        self.transactionControlNumber = transactionControlNumber
        self.batchReference = batchReference
        self.purpose = purpose
        self.claimOrEncounter = claimOrEncounter
        self.submitter = submitter
        self.receiver = receiver
        self.billingProviders = billingProviders
    }

    /// Every claim, in order.
    public var claims: [ProfessionalClaim] { billingProviders.flatMap { $0.subscribers.flatMap(\.claims) } }

    /// Loop 1000A: who sends the file.
    public struct Submitter: Sendable, Hashable, Codable {
        /// NM103.
        public var name: String
        /// NM109 (qualifier 46): the electronic transmitter id (ETIN).
        public var etin: String
        /// PER02.
        public var contactName: String
        /// PER04 (qualifier TE).
        public var phone: String

        /// A submitter.
        public init(name: String, etin: String, contactName: String, phone: String) {
            self.name = name
            self.etin = etin
            self.contactName = contactName
            self.phone = phone
        }
    }

    /// Loop 1000B: the clearinghouse or payer receiving the file.
    public struct Receiver: Sendable, Hashable, Codable {
        /// NM103.
        public var name: String
        /// NM109 (qualifier 46).
        public var id: String

        /// A receiver.
        public init(name: String, id: String) {
            self.name = name
            self.id = id
        }
    }

    /// Loop 2000A/2010AA: the billing provider.
    public struct BillingProvider: Sendable, Hashable, Codable {
        /// NM102: `2` organisation or `1` person.
        public var entityType: String
        /// NM103–NM104.
        public var name: PersonName
        /// NM109 (qualifier XX).
        public var npi: String
        /// REF*EI: the employer identification number.
        public var taxID: String
        /// PRV*BI*PXC: the taxonomy code.
        public var taxonomy: String?
        /// N3/N4: a street address, 9-digit ZIP.
        public var address: Address
        /// Loop 2000B.
        public var subscribers: [SubscriberClaims]

        /// A billing provider.
        public init(entityType: String = "2", name: PersonName, npi: String, taxID: String, taxonomy: String? = nil,
                    address: Address, subscribers: [SubscriberClaims]) {
            self.entityType = entityType
            self.name = name
            self.npi = npi
            self.taxID = taxID
            self.taxonomy = taxonomy
            self.address = address
            self.subscribers = subscribers
        }
    }
}
