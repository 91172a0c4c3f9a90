import BankFiles
import Billing
import Foundation
import Testing

/// The product's reader held against PyPI's `bai2` parser on the same files: the same structure, amounts,
/// references and text when both read a file, and both refusing a file that breaks a control total or count.
@Suite("BAI2 reader agrees with PyPI bai2")
struct BAI2AgreementTests {
    @Test("both read every fixture alike: groups, accounts, summaries, transactions, trailers", arguments: ["day-two-accounts.bai", "two-groups.bai"])
    func agreesOnFixtures(_ name: String) throws {
        let text = try BAI2Fixtures.text(name)
        let ours = try BAI2Reader.read(text)
        let theirs = try #require(try BAI2Reference.read(text: text).file, "bai2 refused \(name)")
        #expect(theirs["senderID"] as? String == ours.senderID && theirs["fileID"] as? String == ours.fileID)
        #expect(number(theirs["controlTotal"]) == ours.controlTotal.cents && number(theirs["recordCount"]) == Int64(ours.recordCount))
        let groups = theirs["groups"] as! [[String: Any]]
        try #require(groups.count == ours.groups.count)
        for (group, mine) in zip(groups, ours.groups) {
            #expect(group["originatorID"] as? String == mine.originatorID && group["asOfDate"] as? String == mine.asOfDate)
            #expect(number(group["controlTotal"]) == mine.controlTotal.cents && number(group["recordCount"]) == Int64(mine.recordCount))
            let accounts = group["accounts"] as! [[String: Any]]
            try #require(accounts.count == mine.accounts.count)
            for (account, myAccount) in zip(accounts, mine.accounts) {
                #expect(account["accountNumber"] as? String == myAccount.accountNumber)
                #expect(number(account["controlTotal"]) == myAccount.controlTotal.cents)
                let summaries = account["summaries"] as! [[String: Any]]
                #expect(summaries.map { $0["typeCode"] as? String ?? "" } == myAccount.summaries.map(\.typeCode))
                #expect(summaries.map { number($0["amount"]) } == myAccount.summaries.map { $0.amount?.cents })
                let details = account["transactions"] as! [[String: Any]]
                try #require(details.count == myAccount.transactions.count)
                for (detail, mine) in zip(details, myAccount.transactions) {
                    #expect(detail["typeCode"] as? String == mine.typeCode && number(detail["amount"]) == mine.amount.cents)
                    #expect(detail["bankReference"] as? String == mine.bankReference && detail["customerReference"] as? String == mine.customerReference)
                    #expect(detail["text"] as? String == mine.text, "record \(mine.record)")
                    #expect((detail["funds"] as? [String: Any])?["type"] as? String == fundsType(mine.funds))
                }
            }
        }
    }

    @Test("both refuse a file whose control total, record count or end is wrong", arguments: 0..<6)
    func agreesOnRefusals(_ index: Int) throws {
        let variant = [BAI2ReaderTests.broken[0], BAI2ReaderTests.broken[1], BAI2ReaderTests.broken[2], BAI2ReaderTests.broken[4],
                       BAI2ReaderTests.broken[5], BAI2ReaderTests.broken[10]][index]
        let text = try BAI2Fixtures.broken("day-two-accounts.bai", replacing: variant.old, with: variant.new)
        #expect(throws: BAI2Error.self) { try BAI2Reader.read(text) }
        let theirs = try BAI2Reference.read(text: text)
        #expect(theirs.file == nil && theirs.error != nil, "bai2 read a file with a wrong \(variant.name)")
    }

    func number(_ value: Any?) -> Int64? { (value as? NSNumber)?.int64Value }

    func fundsType(_ funds: BAI2Funds) -> String {
        switch funds {
        case .simple(let type): type
        case .valueDated: "V"
        case .distributedSimple: "S"
        case .distributed: "D"
        }
    }
}
