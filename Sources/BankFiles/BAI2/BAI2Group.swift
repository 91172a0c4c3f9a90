import Billing

/// A group (02 … 98): the accounts of one originator reported as of one date.
public struct BAI2Group: Sendable, Equatable {
    /// 02 field 1: the ultimate receiver (often the account owner).
    public var ultimateReceiverID: String
    /// 02 field 2: the originator (the bank holding the accounts).
    public var originatorID: String
    /// 02 field 3: 1 update, 2 deletion, 3 correction, 4 test only.
    public var status: String
    /// 02 fields 4–5: the as-of date (YYMMDD) and time (HHMM, may be empty).
    public var asOfDate: String
    public var asOfTime: String
    /// 02 field 6: the currency (ISO 4217); empty means US dollars.
    public var currency: String
    /// The accounts (03 … 49).
    public var accounts: [BAI2Account]
    /// 98 field 1: the sum of the account control totals, checked on reading.
    public var controlTotal: Money
    /// 98 field 3: the group's physical records, 02 and 98 included.
    public var recordCount: Int
}
