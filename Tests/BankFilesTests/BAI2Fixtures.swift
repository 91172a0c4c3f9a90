import Foundation

/// The BAI2 files of the tests: written for them (Fixtures/), each control total and count computed by plain
/// arithmetic when the file was made, and variants of them broken one rule at a time.
enum BAI2Fixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
    }

    static func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }

    /// `text` with the first occurrence of `old` replaced (the test says what it breaks).
    static func broken(_ name: String, replacing old: String, with new: String) throws -> String {
        let text = try text(name)
        guard let range = text.range(of: old) else { fatalError("fixture \(name) has no \(old)") }
        return text.replacingCharacters(in: range, with: new)
    }
}
