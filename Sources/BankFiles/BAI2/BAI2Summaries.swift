import Billing

/// The status and summary amounts of an 03 record.
enum BAI2Summaries {
    /// 03 fields 3…: groups of type code, amount, item count, funds type (and its availability).
    static func read(_ record: BAI2Record) throws(BAI2Error) -> [BAI2Summary] {
        var summaries: [BAI2Summary] = []
        var index = 2
        let fields = record.fields
        while index < fields.count {
            if index == fields.count - 1 && fields[index].isEmpty { break }  // a trailing empty field some banks emit
            let typeCode = fields[index]
            guard typeCode.count == 3, typeCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw BAI2Error(record: record.line, "a type code (field \(index + 1)) must be three digits")
            }
            let amount = try BAI2Field.optionalAmount(record, index + 1, "amount")
            let items = index + 2 < fields.count && !fields[index + 2].isEmpty ? fields[index + 2] : nil
            guard items == nil || Int(items!) != nil else { throw BAI2Error(record: record.line, "the item count (field \(index + 3)) must be a whole number") }
            let (funds, after) = try BAI2Field.funds(record, at: index + 3)
            summaries.append(BAI2Summary(typeCode: typeCode, amount: amount, itemCount: items.flatMap { Int($0) }, funds: funds))
            index = after
        }
        return summaries
    }
}
