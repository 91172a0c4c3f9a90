import Testing
@testable import X12

/// A corpus file that is defective (or not one we read) and where it must fail: see `Fixtures/corpus/SOURCES.md`.
struct DefectFigures: Sendable, CustomTestStringConvertible {
    var file: String
    var segment: Int
    var segmentID: String?
    var element: Int?
    var kind: X12Error.Kind
    /// A part of the message that names the defect.
    var says: String

    var testDescription: String { file }
}

@Suite("Corpus: defective public files fail at the segment and element where the defect is")
struct CorpusDefectTests {
    static let cases: [DefectFigures] = [
        .init(
            file: "835-lfh-tertiary-payment.x12", segment: 20, segmentID: "SVC", element: 1, kind: .value,
            says: "\"HC\" is not a procedure composite"),
        .init(
            file: "835-bcbsnc-no-envelope.x12", segment: 1, kind: .syntax, says: "the file does not start with an ISA interchange header"),
        .init(
            file: "835-oopfactory-4010.x12", segment: 1, segmentID: "ISA", element: 12, kind: .unsupportedVersion,
            says: "interchange version \"00401\" is 4010"),
        .init(
            file: "999-imsweb-accepted.x12", segment: 10, segmentID: "IEA", element: 2, kind: .envelope,
            says: "IEA02 \"000000001\" does not match ISA13 \"000000286\""),
        .init(
            file: "277ca-oopfactory-truncated.x12", segment: 10, segmentID: "HL", kind: .envelope,
            says: "the file ends inside transaction set 0001 (ST at segment 3): SE is missing"),
        .init(
            file: "277ca-oopfactory-garbled-isa.x12", segment: 1, segmentID: "ISA", element: 12, kind: .unsupportedVersion,
            says: "interchange version \"343434\" is not supported"),
        .init(
            file: "837p-oopfactory-cr-terminator.x12", segment: 56, segmentID: "IEA", kind: .syntax,
            says: "the file ends before the segment terminator 0xD"),
        .init(
            file: "837p-oopfactory-missing-nm101.x12", segment: 25, segmentID: "NM1", element: 1, kind: .structure,
            says: "NM101 (entity identifier) is missing"),
        .init(
            file: "837p-imsweb-se01-mismatch.x12", segment: 36, segmentID: "SE", element: 1, kind: .envelope,
            says: "SE01 says 25 segments but transaction set 987654 has 34 (ST through SE)"),
        .init(
            file: "837p-imsweb-tilde-separators.x12", segment: 36, segmentID: "SE", element: 1, kind: .envelope,
            says: "SE01 says 25 segments but transaction set 987654 has 34 (ST through SE)"),
        .init(
            file: "837p-imsweb-short-isa.x12", segment: 36, segmentID: "SE", element: 1, kind: .envelope,
            says: "SE01 says 25 segments but transaction set 987654 has 34 (ST through SE)"),
        .init(file: "837p-imsweb-no-isa.x12", segment: 1, kind: .syntax, says: "the file does not start with an ISA interchange header"),
    ]

    @Test("fails with the file, segment number, segment id and element of the defect", arguments: cases)
    func failsWhereTheDefectIs(_ expected: DefectFigures) throws {
        let error = try #require(readError(Corpus.bytes(expected.file), name: expected.file))
        #expect(
            error.location
                == X12Location(
                    file: expected.file, segmentNumber: expected.segment, segmentID: expected.segmentID,
                    element: expected.element))
        #expect(error.kind == expected.kind)
        #expect(error.message.contains(expected.says), "\(error)")
        // `rcm x12 inspect` refuses it the same way.
        #expect(throws: error) { try X12Summary(bytes: Corpus.bytes(expected.file), fileName: expected.file) }
    }

    @Test("the tilde-separated file is lexed with its own separators: its segments are those of the '*' file")
    func separatorsLearntFromTheISA() throws {
        let tilde = try Corpus.bytes("837p-imsweb-tilde-separators.x12")
        let star = try Corpus.bytes("837p-imsweb-se01-mismatch.x12")
        #expect(tilde.count == star.count)
        // Same text once the separators are swapped: `~` → `*`, `^` → `:`, `_` → `~` (the ISA11 `U` stays).
        let swapped = tilde.map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "~"): UInt8(ascii: "*")
            case UInt8(ascii: "^"): UInt8(ascii: ":")
            case UInt8(ascii: "_"): UInt8(ascii: "~")
            default: byte
            }
        }
        #expect(swapped == star)
    }
}
