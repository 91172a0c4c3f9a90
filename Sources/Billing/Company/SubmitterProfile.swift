/// Who sends our 837Ps: the payload of `company.submitter_configured`. The company's own name and phone,
/// not PHI.
public struct SubmitterProfile: Sendable, Codable, Equatable {
    /// The company's name (NM1*41).
    public var name: String
    /// The ETIN the clearinghouse gave us.
    public var etin: String
    /// ISA06 sender id.
    public var senderID: String
    /// ISA05 qualifier (ZZ).
    public var senderQualifier: String
    /// ISA08 receiver id (the clearinghouse).
    public var receiverID: String
    /// The receiver's name (NM1*40).
    public var receiverName: String
    /// A contact phone (PER).
    public var contactPhone: String

    /// Makes a submitter.
    public init(
        name: String, etin: String, senderID: String, senderQualifier: String = "ZZ", receiverID: String,
        receiverName: String, contactPhone: String
    ) {
        self.name = name
        self.etin = etin
        self.senderID = senderID
        self.senderQualifier = senderQualifier
        self.receiverID = receiverID
        self.receiverName = receiverName
        self.contactPhone = contactPhone
    }
}
