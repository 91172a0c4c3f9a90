import Billing

/// A BAI2 cash-management file as a bank sends it (BAI "Cash Management Balance Reporting Specifications",
/// version 2): the file header (01) and trailer (99) around groups of accounts.
public struct BAI2File: Sendable, Equatable {
    /// 01 field 1: who sent the file (the bank's routing or identification number).
    public var senderID: String
    /// 01 field 2: who the file is for.
    public var receiverID: String
    /// 01 fields 3–4: when the bank created the file, as written (YYMMDD and HHMM).
    public var creationDate: String
    public var creationTime: String
    /// 01 field 5: the file identification number; with the sender and date, what makes a file the same file.
    public var fileID: String
    /// The groups (02 … 98), in file order.
    public var groups: [BAI2Group]
    /// 99 field 1: the file control total (the sum of the group control totals), checked on reading.
    public var controlTotal: Money
    /// 99 field 3: the physical records in the file, 01 and 99 included, checked on reading.
    public var recordCount: Int

    /// Every transaction detail of the file with the group and account it sits in, in file order.
    public var transactions: [(group: BAI2Group, account: BAI2Account, transaction: BAI2Transaction)] {
        groups.flatMap { group in group.accounts.flatMap { account in account.transactions.map { (group, account, $0) } } }
    }

    /// The file's identity for "the same file read twice": sender, receiver, creation date and file id.
    public var identity: String { [senderID, receiverID, creationDate, fileID].joined(separator: "|") }

    public static func == (lhs: BAI2File, rhs: BAI2File) -> Bool {
        lhs.identity == rhs.identity && lhs.groups == rhs.groups && lhs.controlTotal == rhs.controlTotal && lhs.recordCount == rhs.recordCount
            && lhs.creationTime == rhs.creationTime
    }
}
