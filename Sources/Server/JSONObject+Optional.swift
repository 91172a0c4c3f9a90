import Billing
import Foundation

/// Optional fields and enumerations of a request's JSON object, with the same strictness as the required ones.
extension JSONObject {
    func isAbsent(_ key: String) -> Bool { values[key] == nil || values[key] is NSNull }

    func optionalBoolean(_ key: String) throws -> Bool? {
        guard !isAbsent(key) else { return nil }
        guard let number = values[key] as? NSNumber, String(describing: type(of: number)).contains("Bool") else {
            throw Problem.invalid(name(key), "type", "\(name(key)) must be true or false")
        }
        return number.boolValue
    }

    func optionalInteger(_ key: String, range: ClosedRange<Int>) throws -> Int? {
        isAbsent(key) ? nil : try integer(key, range: range)
    }

    func optionalMoney(_ key: String) throws -> Money? {
        isAbsent(key) ? nil : try money(key)
    }

    func optionalDate(_ key: String) throws -> LocalDate? {
        isAbsent(key) ? nil : try date(key)
    }

    func enumeration<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = try optionalEnumeration(key, type) else { throw Problem.invalid(name(key), "required", "\(name(key)) is required") }
        return value
    }

    func optionalEnumeration<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = try optionalString(key, maxLength: 40) else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.invalid(name(key), "enum", "\(name(key)) is one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
