import Billing
import Foundation
import Hummingbird

/// A request's JSON object, read strictly: unknown fields, wrong types, over-long strings, impossible dates
/// and money with more than two decimals are each a 400 naming the field and the rule.
struct JSONObject {
    let values: [String: Any]
    let path: String

    /// Every string field is at most this long unless a route says less.
    static let maximumString = 200

    /// Reads the request body as one JSON object with only `allowed` fields.
    static func read(_ request: Request, context: ServerContext, allowed: Set<String>) async throws -> JSONObject {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        guard let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem.invalid("body", "json", "the body is not JSON")
        }
        guard let object = parsed as? [String: Any] else { throw Problem.invalid("body", "type", "the body must be a JSON object") }
        let result = JSONObject(values: object, path: "")
        try result.rejectUnknown(allowed)
        return result
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func rejectUnknown(_ allowed: Set<String>) throws {
        if let unknown = values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem.invalid(name(unknown), "unknown-field", "\(name(unknown)) is not a field of this request")
        }
    }

    func optionalString(_ key: String, maxLength: Int = maximumString) throws -> String? {
        guard let value = values[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw Problem.invalid(name(key), "type", "\(name(key)) must be a string") }
        guard text.count <= maxLength else {
            throw Problem.invalid(name(key), "max-length", "\(name(key)) is at most \(maxLength) characters")
        }
        guard !text.isEmpty else { throw Problem.invalid(name(key), "min-length", "\(name(key)) may not be empty") }
        return text
    }

    func string(_ key: String, maxLength: Int = maximumString) throws -> String {
        guard let text = try optionalString(key, maxLength: maxLength) else {
            throw Problem.invalid(name(key), "required", "\(name(key)) is required")
        }
        return text
    }

    func integer(_ key: String, range: ClosedRange<Int>) throws -> Int {
        guard let value = values[key] else { throw Problem.invalid(name(key), "required", "\(name(key)) is required") }
        // JSON true/false arrive as a boolean NSNumber subclass (`__NSCFBoolean`), which `is Bool` cannot tell from 1/0.
        guard let number = value as? NSNumber, !String(describing: type(of: number)).contains("Bool"),
            let integer = Int(exactly: number.doubleValue), Double(integer) == number.doubleValue
        else { throw Problem.invalid(name(key), "type", "\(name(key)) must be an integer") }
        guard range.contains(integer) else {
            throw Problem.invalid(name(key), "range", "\(name(key)) must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return integer
    }

    func integers(_ key: String, maxCount: Int, range: ClosedRange<Int>) throws -> [Int] {
        guard let value = values[key] else { throw Problem.invalid(name(key), "required", "\(name(key)) is required") }
        guard let array = value as? [Any], (1...maxCount).contains(array.count) else {
            throw Problem.invalid(name(key), "type", "\(name(key)) must be an array of 1 to \(maxCount) integers")
        }
        return try array.indices.map { index in
            try JSONObject(values: ["\(index)": array[index]], path: name(key)).integer("\(index)", range: range)
        }
    }

    func date(_ key: String) throws -> LocalDate {
        let text = try string(key, maxLength: 10)
        guard text.count == 10, let date = LocalDate(text) else {
            throw Problem.invalid(name(key), "date", "\(name(key)) must be a real date, YYYY-MM-DD")
        }
        return date
    }

    func money(_ key: String) throws -> Money {
        let text = try string(key, maxLength: 15)
        guard text.range(of: #"^\d{1,9}(\.\d{1,2})?$"#, options: .regularExpression) != nil, let money = Money(parsing: text) else {
            throw Problem.invalid(name(key), "money", "\(name(key)) must be a decimal string with at most two decimals, e.g. \"150.00\"")
        }
        return money
    }

    func strings(_ key: String, maxCount: Int, maxLength: Int = 20) throws -> [String] {
        guard let value = values[key] else { throw Problem.invalid(name(key), "required", "\(name(key)) is required") }
        guard let array = value as? [Any] else { throw Problem.invalid(name(key), "type", "\(name(key)) must be an array of strings") }
        guard (1...maxCount).contains(array.count) else {
            throw Problem.invalid(name(key), "count", "\(name(key)) holds 1 to \(maxCount) items")
        }
        return try array.enumerated().map { index, element in
            guard let text = element as? String, !text.isEmpty, text.count <= maxLength else {
                throw Problem.invalid("\(name(key))[\(index)]", "type", "\(name(key))[\(index)] must be a string of 1 to \(maxLength) characters")
            }
            return text
        }
    }

    func objects(_ key: String, maxCount: Int, allowed: Set<String>) throws -> [JSONObject] {
        guard let value = values[key] else { throw Problem.invalid(name(key), "required", "\(name(key)) is required") }
        guard let array = value as? [Any], (1...maxCount).contains(array.count) else {
            throw Problem.invalid(name(key), "type", "\(name(key)) must be an array of 1 to \(maxCount) objects")
        }
        return try array.enumerated().map { index, element in
            guard let object = element as? [String: Any] else {
                throw Problem.invalid("\(name(key))[\(index)]", "type", "\(name(key))[\(index)] must be an object")
            }
            let nested = JSONObject(values: object, path: "\(name(key))[\(index)]")
            try nested.rejectUnknown(allowed)
            return nested
        }
    }
}
