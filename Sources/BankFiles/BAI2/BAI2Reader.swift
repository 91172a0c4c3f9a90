import Billing

/// Reads a BAI2 file: structure (01, 02, 03, 16, 49, 98, 99 in order, 88 continuations), fields, and every
/// control total and record count of the account, group and file trailers. A file that breaks one is refused
/// whole, naming the record and the rule; nothing of it is returned.
public enum BAI2Reader {
    public static func read(_ text: String) throws(BAI2Error) -> BAI2File {
        var cursor = BAI2Cursor(records: try BAI2Record.records(in: text))
        let header = try cursor.take("01", "a file header (01)")
        guard header.fields.count >= 5 else { throw BAI2Error(record: header.line, "the file header (01) has \(header.fields.count) fields; it needs at least 5") }
        var groups: [BAI2Group] = []
        while cursor.next?.code == "02" { groups.append(try readGroup(&cursor)) }
        let trailer = try cursor.take("99", "a group header (02) or the file trailer (99)")
        let total = try BAI2Field.amount(trailer, 0, "file control total")
        let groupCount = try BAI2Field.count(trailer, 1, "number of groups")
        let records = try BAI2Field.count(trailer, 2, "number of records")
        if let extra = cursor.next { throw BAI2Error(record: extra.line, "a record after the file trailer (99)") }
        let sum = groups.map(\.controlTotal).sum()
        guard total == sum else { throw BAI2Error(record: trailer.line, "the file control total (99 field 1) is \(total.cents) but the groups' control totals add up to \(sum.cents)") }
        guard groupCount == groups.count else { throw BAI2Error(record: trailer.line, "the file trailer (99) says \(groupCount) group(s); the file has \(groups.count)") }
        let physical = header.rows + groups.map(\.recordCount).reduce(0, +) + trailer.rows
        guard records == physical else { throw BAI2Error(record: trailer.line, "the file trailer (99) counts \(records) record(s); the file has \(physical)") }
        return BAI2File(
            senderID: header.fields[0], receiverID: header.fields[1], creationDate: try BAI2Field.date(header, 2, "file creation date"),
            creationTime: header.fields[3], fileID: header.fields[4], groups: groups, controlTotal: total, recordCount: records)
    }

    static func readGroup(_ cursor: inout BAI2Cursor) throws(BAI2Error) -> BAI2Group {
        let header = try cursor.take("02", "a group header (02)")
        guard header.fields.count >= 4 else { throw BAI2Error(record: header.line, "the group header (02) has \(header.fields.count) fields; it needs at least 4") }
        guard ["1", "2", "3", "4"].contains(header.fields[2]) else { throw BAI2Error(record: header.line, "the group status (02 field 3) must be 1, 2, 3 or 4") }
        var accounts: [BAI2Account] = []
        while cursor.next?.code == "03" { accounts.append(try readAccount(&cursor)) }
        guard !accounts.isEmpty else { throw BAI2Error(record: header.line, "a group (02) with no account (03)") }
        let trailer = try cursor.take("98", "an account identifier (03) or the group trailer (98)")
        let total = try BAI2Field.amount(trailer, 0, "group control total")
        let accountCount = try BAI2Field.count(trailer, 1, "number of accounts")
        let records = try BAI2Field.count(trailer, 2, "number of records")
        let sum = accounts.map(\.controlTotal).sum()
        guard total == sum else { throw BAI2Error(record: trailer.line, "the group control total (98 field 1) is \(total.cents) but the accounts' control totals add up to \(sum.cents)") }
        guard accountCount == accounts.count else { throw BAI2Error(record: trailer.line, "the group trailer (98) says \(accountCount) account(s); the group has \(accounts.count)") }
        let physical = header.rows + accounts.map(\.recordCount).reduce(0, +) + trailer.rows
        guard records == physical else { throw BAI2Error(record: trailer.line, "the group trailer (98) counts \(records) record(s); the group has \(physical)") }
        return BAI2Group(
            ultimateReceiverID: header.fields[0], originatorID: header.fields[1], status: header.fields[2],
            asOfDate: try BAI2Field.date(header, 3, "as-of date"), asOfTime: header.fields.count > 4 ? header.fields[4] : "",
            currency: header.fields.count > 5 ? header.fields[5] : "", accounts: accounts, controlTotal: total, recordCount: records)
    }

    static func readAccount(_ cursor: inout BAI2Cursor) throws(BAI2Error) -> BAI2Account {
        let identifier = try cursor.take("03", "an account identifier (03)")
        guard identifier.fields.count >= 2, !identifier.fields[0].isEmpty else { throw BAI2Error(record: identifier.line, "the account identifier (03) has no account number") }
        let summaries = try BAI2Summaries.read(identifier)
        var transactions: [BAI2Transaction] = []
        var rows = identifier.rows
        while cursor.next?.code == "16" {
            let detail = try cursor.take("16", "a transaction detail (16)")
            transactions.append(try BAI2Details.read(detail))
            rows += detail.rows
        }
        let trailer = try cursor.take("49", "a transaction detail (16) or the account trailer (49)")
        let total = try BAI2Field.amount(trailer, 0, "account control total")
        let records = try BAI2Field.count(trailer, 1, "number of records")
        let sum = summaries.compactMap(\.amount).sum() + transactions.map(\.amount).sum()
        guard total == sum else { throw BAI2Error(record: trailer.line, "the account control total (49 field 1) is \(total.cents) but the account's amounts add up to \(sum.cents)") }
        guard records == rows + trailer.rows else { throw BAI2Error(record: trailer.line, "the account trailer (49) counts \(records) record(s); the account has \(rows + trailer.rows)") }
        return BAI2Account(
            accountNumber: identifier.fields[0], currency: identifier.fields[1], summaries: summaries, transactions: transactions,
            controlTotal: total, recordCount: records)
    }
}

/// The records in order, taken one at a time.
struct BAI2Cursor {
    let records: [BAI2Record]
    var index = 0

    var next: BAI2Record? { index < records.count ? records[index] : nil }

    mutating func take(_ code: String, _ expected: String) throws(BAI2Error) -> BAI2Record {
        guard let record = next else {
            throw BAI2Error(record: records.last.map { $0.line + $0.rows - 1 } ?? 0, "the file ends where \(expected) was expected (truncated?)")
        }
        guard record.code == code else { throw BAI2Error(record: record.line, "found a \(record.code) record where \(expected) was expected") }
        index += 1
        return record
    }
}
