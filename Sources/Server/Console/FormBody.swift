import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body: field names to values (the last of a repeated name wins).
struct FormBody: Sendable {
    var values: [String: String]

    /// Reads and parses a request's body (at most 64 KiB).
    static func read(_ request: Request, context: ServerContext) async throws -> FormBody {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        return FormBody(parsing: String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    init(parsing text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        self.values = values
    }

    init(values: [String: String]) { self.values = values }

    /// A field, trimmed; nil when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}

/// A query parameter of a console page, trimmed; nil when absent or blank.
func queryText(_ request: Request, _ name: String) -> String? {
    guard let value = request.uri.queryParameters.get(name) else { return nil }
    let text = String(value).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
}
