import Billing

/// Field readers that name the field and the rule when a value is wrong.
enum BAI2Field {
    /// A signed whole number of cents (`+`/`-` allowed); required.
    static func amount(_ record: BAI2Record, _ index: Int, _ name: String) throws(BAI2Error) -> Money {
        guard let value = try optionalAmount(record, index, name) else { throw BAI2Error(record: record.line, "the \(name) (field \(index + 1)) is missing") }
        return value
    }

    /// A signed whole number of cents, or nil when the field is empty or absent.
    static func optionalAmount(_ record: BAI2Record, _ index: Int, _ name: String) throws(BAI2Error) -> Money? {
        guard index < record.fields.count, !record.fields[index].isEmpty else { return nil }
        return try cents(record.fields[index], record: record.line, name: "the \(name) (field \(index + 1))")
    }

    static func cents(_ text: String, record: Int, name: String) throws(BAI2Error) -> Money {
        var digits = Substring(text)
        var sign: Int64 = 1
        if let first = digits.first, first == "+" || first == "-" { sign = first == "-" ? -1 : 1; digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 17, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(digits) else {
            throw BAI2Error(record: record, "\(name) must be a whole number of cents with no decimal point")
        }
        return Money(cents: sign * value)
    }

    /// A non-negative count; required.
    static func count(_ record: BAI2Record, _ index: Int, _ name: String) throws(BAI2Error) -> Int {
        guard index < record.fields.count, let value = Int(record.fields[index]), value >= 0 else {
            throw BAI2Error(record: record.line, "the \(name) (field \(index + 1)) must be a whole number")
        }
        return value
    }

    /// A date YYMMDD that exists on the calendar.
    static func date(_ record: BAI2Record, _ index: Int, _ name: String) throws(BAI2Error) -> String {
        guard index < record.fields.count else { throw BAI2Error(record: record.line, "the \(name) (field \(index + 1)) is missing") }
        let text = record.fields[index]
        guard text.count == 6, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text.prefix(2)),
              let month = Int(text.dropFirst(2).prefix(2)), let day = Int(text.suffix(2)), (1...12).contains(month),
              day >= 1, day <= daysIn(month: month, year: 2000 + year)
        else { throw BAI2Error(record: record.line, "the \(name) (field \(index + 1)) must be a date YYMMDD that exists") }
        return text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// A funds type and the availability fields after it, from `fields[index...]`; returns the index after them.
    static func funds(_ record: BAI2Record, at index: Int) throws(BAI2Error) -> (BAI2Funds, Int) {
        let fields = record.fields
        let type = index < fields.count ? fields[index] : ""
        func field(_ offset: Int) throws(BAI2Error) -> String {
            guard index + offset < fields.count else { throw BAI2Error(record: record.line, "funds type \(type) needs more fields after it than the record has") }
            return fields[index + offset]
        }
        switch type {
        case "", "0", "1", "2", "Z": return (.simple(type.isEmpty ? "Z" : type), index + 1)
        case "V": return (.valueDated(date: try field(1), time: try field(2)), index + 3)
        case "S":
            let amounts = try [1, 2, 3].map { offset throws(BAI2Error) in
                try cents(try field(offset), record: record.line, name: "the availability amount (field \(index + offset + 1))")
            }
            return (.distributedSimple(immediate: amounts[0], oneDay: amounts[1], twoOrMoreDays: amounts[2]), index + 4)
        case "D":
            guard let count = Int(try field(1)), count >= 0, count <= 99 else {
                throw BAI2Error(record: record.line, "the number of distributions (field \(index + 2)) must be a whole number")
            }
            var distributions: [(days: Int, amount: Money)] = []
            for item in 0..<count {
                guard let days = Int(try field(2 + item * 2)) else { throw BAI2Error(record: record.line, "a distribution's days must be a whole number") }
                distributions.append((days, try cents(try field(3 + item * 2), record: record.line, name: "a distribution's amount")))
            }
            return (.distributed(distributions), index + 2 + count * 2)
        default: throw BAI2Error(record: record.line, "the funds type (field \(index + 1)) must be 0, 1, 2, Z, V, S or D")
        }
    }
}
