import Billing

/// An account (03 … 49): its status and summary amounts and its transaction details.
public struct BAI2Account: Sendable, Equatable {
    /// 03 field 1: the customer's account number at the bank.
    public var accountNumber: String
    /// 03 field 2: the currency; empty means the group's.
    public var currency: String
    /// 03 fields 3…: status (001–099) and summary (100–999) amounts.
    public var summaries: [BAI2Summary]
    /// The 16 records with their 88 continuations.
    public var transactions: [BAI2Transaction]
    /// 49 field 1: the algebraic sum of the 03 amounts and the 16 amounts, checked on reading.
    public var controlTotal: Money
    /// 49 field 2: the account's physical records, 03 and 49 included.
    public var recordCount: Int
}

/// One status or summary amount of an 03 record.
public struct BAI2Summary: Sendable, Equatable {
    /// The BAI type code (e.g. 010 opening ledger, 015 closing ledger, 100 total credits).
    public var typeCode: String
    /// The amount in cents; status amounts may be negative; nil when the field is empty.
    public var amount: Money?
    /// The item count, when given.
    public var itemCount: Int?
    /// The funds type (0, 1, 2, Z, V, S, D) and the availability it carries.
    public var funds: BAI2Funds
}
