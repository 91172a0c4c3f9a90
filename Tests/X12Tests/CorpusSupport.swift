import Foundation
@testable import X12

/// The conformance corpus: public X12 files from open-source X12 projects, in `Fixtures/corpus`, with their
/// origin, licence and independently computed figures in `Fixtures/corpus/SOURCES.md`.
enum Corpus {
    static let folder = "Fixtures/corpus"

    /// The bytes of `name`, a path under `Fixtures/corpus` (`835-uhc-legacy.x12`, `LICENSES/…`).
    static func bytes(_ name: String) throws -> [UInt8] {
        var parts = name.split(separator: "/").map(String.init)
        let last = parts.removeLast()
        let subdirectory = ([folder] + parts).joined(separator: "/")
        guard let url = Bundle.module.url(forResource: last, withExtension: nil, subdirectory: subdirectory) else {
            throw Fixture.FixtureMissing(name: "corpus/" + name)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    static func file(_ name: String) throws -> X12File {
        try X12File(bytes: bytes(name), fileName: name)
    }

    /// SOURCES.md, as text.
    static func sources() throws -> String {
        String(decoding: try bytes("SOURCES.md"), as: UTF8.self)
    }

    /// Every `.x12` file of the corpus, sorted.
    static func all() throws -> [String] {
        guard let url = Bundle.module.url(forResource: "corpus", withExtension: nil, subdirectory: "Fixtures") else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".x12") }.sorted()
    }
}
