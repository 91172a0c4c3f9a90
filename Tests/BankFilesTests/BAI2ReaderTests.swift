import BankFiles
import Billing
import Testing

@Suite("BAI2 reader")
struct BAI2ReaderTests {
    @Test("a bank's day of two accounts: every amount, reference, continued text, availability and EFT trace as written")
    func readsADay() throws {
        let file = try BAI2Reader.read(try BAI2Fixtures.text("day-two-accounts.bai"))
        #expect(file.senderID == "121000248" && file.receiverID == "RCMCOMPANY" && file.fileID == "20261103A" && file.creationDate == "261103")
        #expect(file.groups.count == 1 && file.groups[0].accounts.count == 2 && file.groups[0].asOfDate == "261103")
        let details = file.transactions.map(\.transaction)
        #expect(details.map(\.bankReference) == ["BR0001", "BR0002", "BR0003", "BR0004", "BR0005", "BR0006", "BR0007"])
        #expect(details.map(\.amount.cents) == [614_500, 198_900, 200_000, 12_500, 45_600, 30_000, 5_000])
        // Credits 100–399, debits 400–699: 6,145.00 + 1,989.00 + 2,000.00 + 456.00 + 300.00 + 50.00 in, 125.00 out.
        #expect(details.filter(\.isCredit).map(\.amount).sum() == Money(cents: 1_094_000))
        #expect(details.filter(\.isDebit).map(\.amount).sum() == Money(cents: 12_500))
        #expect(details[1].text == "OPTUM BH TRN*1*EFT20261103B*1411289245\\ CCD+ ADDENDA CONTINUED")
        #expect(details.map(\.reassociationTrace) == ["EFT20261103A", "EFT20261103B", nil, nil, "VC77001", nil, nil])
        #expect(details[4].funds == .valueDated(date: "261104", time: "0900"))
        #expect(details[5].funds == .distributedSimple(immediate: Money(cents: 10_000), oneDay: Money(cents: 10_000), twoOrMoreDays: Money(cents: 10_000)))
        #expect(details[6].funds == .distributed([(0, Money(cents: 3_000)), (1, Money(cents: 2_000))]))
        #expect(details.map(\.record) == [4, 5, 7, 8, 11, 12, 13])
        let first = file.groups[0].accounts[0]
        #expect(first.summaries.map(\.typeCode) == ["010", "015", "100"] && first.summaries[1].amount == Money(cents: -120_000))
        #expect(first.summaries[2].itemCount == 3)
        #expect(first.controlTotal == Money(cents: 4_419_300) && first.recordCount == 7)
        #expect(file.groups[0].controlTotal == Money(cents: 4_599_900) && file.controlTotal == Money(cents: 4_599_900) && file.recordCount == 16)
    }

    @Test("two groups of two banks in one file, each with its own trailer")
    func readsTwoGroups() throws {
        let file = try BAI2Reader.read(try BAI2Fixtures.text("two-groups.bai"))
        #expect(file.groups.map(\.originatorID) == ["021000021", "026009593"])
        #expect(file.groups.map(\.controlTotal.cents) == [72_000, 1_000] && file.controlTotal.cents == 73_000)
        #expect(file.transactions.map(\.account.accountNumber) == ["000555000111", "000555000222"])
    }

    @Test("CRLF line ends and rows padded with spaces to 80 columns read the same")
    func readsPaddedCRLF() throws {
        let text = try BAI2Fixtures.text("day-two-accounts.bai")
        let padded = text.split(separator: "\n").map { $0.padding(toLength: 80, withPad: " ", startingAt: 0) }.joined(separator: "\r\n") + "\r\n"
        #expect(try BAI2Reader.read(padded) == BAI2Reader.read(text))
    }

    /// Each variant breaks one rule; the message names the record (line) and the rule.
    static let broken: [(name: String, old: String, new: String, record: Int, says: String)] = [
        ("account control total", "49,4419300,7/", "49,4419301,7/", 9, "account control total (49 field 1) is 4419301 but the account's amounts add up to 4419300"),
        ("account record count", "49,4419300,7/", "49,4419300,6/", 9, "account trailer (49) counts 6 record(s); the account has 7"),
        ("group control total", "98,4599900,2,14/", "98,4599800,2,14/", 15, "group control total (98 field 1) is 4599800"),
        ("group account count", "98,4599900,2,14/", "98,4599900,3,14/", 15, "says 3 account(s); the group has 2"),
        ("file control total", "99,4599900,1,16/", "99,4599000,1,16/", 16, "file control total (99 field 1) is 4599000"),
        ("file record count", "99,4599900,1,16/", "99,4599900,1,15/", 16, "the file trailer (99) counts 15 record(s); the file has 16"),
        ("amount with a decimal point", "16,195,200000,", "16,195,2000.00,", 7, "amount (field 2) must be a whole number of cents"),
        ("impossible as-of date", "1,261103,0800", "1,261131,0800", 2, "as-of date (field 4) must be a date YYMMDD that exists"),
        ("unknown record", "16,475,12500,", "17,475,12500,", 8, "not a BAI2 record"),
        ("unknown funds type", "16,195,200000,0,", "16,195,200000,X,", 7, "funds type (field 3) must be 0, 1, 2, Z, V, S or D"),
        ("truncated", "98,4599900,2,14/\n99,4599900,1,16/\n", "", 14, "the file ends where an account identifier (03) or the group trailer (98) was expected"),
    ]

    @Test("a file breaking one rule is refused whole, naming the record and the rule", arguments: 0..<broken.count)
    func refusesBroken(_ index: Int) throws {
        let variant = Self.broken[index]
        let text = try BAI2Fixtures.broken("day-two-accounts.bai", replacing: variant.old, with: variant.new)
        let error = try #require(throws: BAI2Error.self, "\(variant.name)") { try BAI2Reader.read(text) }
        #expect(error.record == variant.record, "\(variant.name): \(error)")
        #expect(error.description.contains(variant.says), "\(variant.name): \(error)")
    }
}
