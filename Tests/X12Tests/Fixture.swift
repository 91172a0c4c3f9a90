import Foundation
@testable import X12

/// Reads fixtures from the test bundle.
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    static func file(_ name: String) throws -> X12File {
        try X12File(bytes: bytes(name), fileName: name)
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// Every fixture file name.
    static func all() throws -> [String] {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".x12") }.sorted()
    }

    struct FixtureMissing: Error { let name: String }
}

/// Reads text as an X12 file, for small inline cases.
func read(_ text: String, name: String = "inline.x12") throws(X12Error) -> X12File {
    try X12File(bytes: Array(text.utf8), fileName: name)
}

/// The error a read throws, or nil.
func readError(_ text: String, name: String = "inline.x12") -> X12Error? {
    readError(Array(text.utf8), name: name)
}

func amount(_ text: String) -> X12Amount { X12Amount(x12: text)! }

extension Fixture {
    /// The error reading a fixture (envelopes and every transaction kind) throws, or nil when it reads.
    static func error(_ name: String) throws -> X12Error? {
        let bytes = try bytes(name)
        return readError(bytes, name: name)
    }
}

/// The error reading bytes throws (envelopes, then every transaction kind), or nil.
func readError(_ bytes: [UInt8], name: String? = nil) -> X12Error? {
    do {
        let file = try X12File(bytes: bytes, fileName: name)
        _ = try file.remittances()
        _ = try file.implementationAcknowledgments()
        _ = try file.claimAcknowledgments()
        _ = try file.professionalClaims()
        return nil
    } catch {
        return error
    }
}
