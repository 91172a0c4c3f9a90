import Testing
@testable import X12

@Suite("Corpus: every file is sourced, licensed and tested")
struct CorpusInventoryTests {
    /// Every file the corpus tests check, well-formed or defective.
    static var tested: [String] {
        CorpusRemittanceTests.cases.map(\.file) + CorpusAcknowledgmentTests.cases.map(\.file)
            + CorpusAcknowledgmentTests.claimAcknowledgmentFiles + CorpusProfessionalClaimTests.cases.map(\.file)
            + CorpusDefectTests.cases.map(\.file) + ClaimStatusTests.corpusFiles
    }

    @Test("each .x12 file is checked by exactly one table of the corpus tests")
    func everyFileTested() throws {
        let files = try Corpus.all()
        #expect(files.count >= 20)
        #expect(Self.tested.sorted() == files)
    }

    @Test("each file has its row in SOURCES.md; at least five projects, each with its licence text")
    func everyFileSourced() throws {
        let sources = try Corpus.sources()
        for file in try Corpus.all() {
            #expect(sources.contains("| \(file) | "), "\(file) has no row in corpus/SOURCES.md")
        }
        // The project table: `| project | repository (commit) | licence | files |`.
        let table = sources.components(separatedBy: "## Where they come from")[1].components(separatedBy: "## The files")[0]
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| project") }
        #expect(rows.count >= 5)
        let counted = rows.compactMap { Int($0.split(separator: "|").last?.trimmingCharacters(in: .whitespaces) ?? "") }
        #expect(counted.count == rows.count)
        #expect(try counted.reduce(0, +) == Corpus.all().count)
        for licence in [
            "LinuxForHealth-x12.Apache-2.0.txt", "Project-Herophilus-Assets.Apache-2.0.txt",
            "imsweb-x12-parser.BSD-3-Clause.txt", "azoner-pyx12.BSD-3-Clause.txt", "Inteligenz-X12Parser.CDDL-1.0.html",
            "keironstoddart-edi-835-parser.MIT.txt", "UHIN-x12-parser-library.MIT.txt",
        ] {
            #expect((try? Corpus.bytes("LICENSES/" + licence))?.isEmpty == false, "\(licence) is missing")
        }
    }

    @Test("no corpus file repeats one of the 13 fixtures above it")
    func noDuplicates() throws {
        var seen: [[UInt8]: String] = [:]
        for name in try Fixture.all() { seen[try Fixture.bytes(name)] = name }
        for name in try Corpus.all() {
            let bytes = try Corpus.bytes(name)
            #expect(seen[bytes] == nil, "\(name) repeats \(seen[bytes] ?? "")")
            seen[bytes] = name
        }
    }
}
