import Billing

/// The fields of a 16 record.
enum BAI2Details {
    /// 16: type code, amount, funds type (and availability), bank reference, customer reference, text.
    static func read(_ record: BAI2Record) throws(BAI2Error) -> BAI2Transaction {
        let fields = record.fields
        guard let typeCode = fields.first, typeCode.count == 3, typeCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw BAI2Error(record: record.line, "the type code (16 field 1) must be three digits")
        }
        let amount = try BAI2Field.amount(record, 1, "amount")
        guard !amount.isNegative else { throw BAI2Error(record: record.line, "the amount (16 field 2) of a transaction is never negative; the type code says credit or debit") }
        let (funds, after) = try BAI2Field.funds(record, at: 2)
        let rest = Array(fields.dropFirst(after))
        return BAI2Transaction(
            typeCode: typeCode, amount: amount, funds: funds, bankReference: rest.first ?? "", customerReference: rest.count > 1 ? rest[1] : "",
            text: rest.count > 2 ? rest.dropFirst(2).joined(separator: ",") : "", record: record.line)
    }
}
