/// What the caller decides for a written interchange: parties, control numbers, date and time (no clock
/// inside this module), usage and separators.
public struct InterchangeEnvelope: Sendable, Hashable, Codable {
    /// ISA05 (`ZZ` mutually defined, `30` federal tax id…).
    public var senderQualifier: String
    /// ISA06: at most 15 characters; padded when written.
    public var senderID: String
    /// ISA07.
    public var receiverQualifier: String
    /// ISA08: at most 15 characters.
    public var receiverID: String
    /// GS02: application sender code (defaults to the sender id).
    public var applicationSender: String
    /// GS03: application receiver code (defaults to the receiver id).
    public var applicationReceiver: String
    /// ISA09/GS04 (and BHT04 where a transaction has one).
    public var date: X12Date
    /// ISA10/GS05.
    public var time: X12Time
    /// ISA13: 1…999 999 999, unique per sender.
    public var interchangeControlNumber: Int
    /// GS06: 1…999 999 999.
    public var groupControlNumber: Int
    /// ISA15: `P` production or `T` test.
    public var usage: String
    /// ISA14: ask for a TA1.
    public var acknowledgmentRequested: Bool
    /// The separators to write with.
    public var separators: Separators
    /// Write a line break after each segment terminator (readable; every reader we know accepts it).
    public var lineBreaks: Bool

    /// An envelope.
    public init(senderQualifier: String = "ZZ", senderID: String, receiverQualifier: String = "ZZ", receiverID: String,
                applicationSender: String? = nil, applicationReceiver: String? = nil, date: X12Date, time: X12Time,
                interchangeControlNumber: Int, groupControlNumber: Int, usage: String = "P",
                acknowledgmentRequested: Bool = false, separators: Separators = .standard, lineBreaks: Bool = true) {
        self.senderQualifier = senderQualifier
        self.senderID = senderID
        self.receiverQualifier = receiverQualifier
        self.receiverID = receiverID
        self.applicationSender = applicationSender ?? senderID
        self.applicationReceiver = applicationReceiver ?? receiverID
        self.date = date
        self.time = time
        self.interchangeControlNumber = interchangeControlNumber
        self.groupControlNumber = groupControlNumber
        self.usage = usage
        self.acknowledgmentRequested = acknowledgmentRequested
        self.separators = separators
        self.lineBreaks = lineBreaks
    }
}
