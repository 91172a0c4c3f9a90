import Foundation

/// A whole X12 file: its interchanges with their groups and transaction sets, envelopes checked.
///
/// Read it with `X12File(bytes:fileName:)`; then ask for typed transactions (`remittances()`,
/// `implementationAcknowledgments()`, `claimAcknowledgments()`, `professionalClaims()`) or `inspect()`.
public struct X12File: Sendable {
    let store: SegmentStore
    /// The file name given by the caller, used in error locations.
    public var fileName: String? { store.fileName }
    /// The interchanges, in file order.
    public let interchanges: [Interchange]
    /// What the envelope reader accepted but noticed.
    public let warnings: [X12Warning]

    /// Reads and checks the envelopes of `bytes`; throws the first problem found.
    public init(bytes: [UInt8], fileName: String? = nil) throws(X12Error) {
        let store = try Lexer.lex(count: bytes.count, fileName: fileName) { _ = $0.initialize(from: bytes) }
        try self.init(store: store)
    }

    /// Reads `data` (copied once into the store).
    public init(data: Data, fileName: String? = nil) throws(X12Error) {
        let store = try Lexer.lex(count: data.count, fileName: fileName) { _ = data.copyBytes(to: $0) }
        try self.init(store: store)
    }

    private init(store: SegmentStore) throws(X12Error) {
        let (interchanges, warnings) = try EnvelopeParser.parse(store)
        self.store = store
        self.interchanges = interchanges
        self.warnings = warnings
    }

    /// The number of segments in the file.
    public var segmentCount: Int { store.count }

    /// Every transaction set in file order, whatever its kind.
    public var transactionSets: [TransactionSet] {
        interchanges.flatMap { $0.groups.flatMap(\.transactionSets) }
    }

    /// The segments of one transaction set, ST through SE.
    public func segments(of set: TransactionSet) -> [Segment] {
        set.segmentIndices.map { Segment(store: store, index: $0, separators: set.separators) }
    }
}

/// One ISA…IEA interchange.
public struct Interchange: Sendable, Hashable, Codable {
    /// ISA05: sender id qualifier.
    public var senderQualifier: String
    /// ISA06, trailing spaces removed.
    public var senderID: String
    /// ISA07.
    public var receiverQualifier: String
    /// ISA08, trailing spaces removed.
    public var receiverID: String
    /// ISA09, `YYMMDD` as written.
    public var date: String
    /// ISA10, `HHMM`.
    public var time: String
    /// ISA12, `00501`.
    public var version: String
    /// ISA13, nine digits.
    public var controlNumber: String
    /// ISA14: a TA1 was requested.
    public var acknowledgmentRequested: Bool
    /// ISA15: `P` production or `T` test.
    public var usage: String
    /// The separators the ISA declares.
    public var separators: Separators
    /// The functional groups.
    public var groups: [FunctionalGroup]
    /// TA1 interchange acknowledgments carried in this interchange.
    public var interchangeAcknowledgments: [InterchangeAcknowledgment]
    /// The segment number of the ISA.
    public var segmentNumber: Int
}

/// One GS…GE functional group.
public struct FunctionalGroup: Sendable, Hashable, Codable {
    /// GS01: `HP` remittance, `HC` claims, `FA` acknowledgment, `HN` claim status.
    public var functionalID: String
    /// GS02.
    public var applicationSender: String
    /// GS03.
    public var applicationReceiver: String
    /// GS04.
    public var date: X12Date?
    /// GS05.
    public var time: String
    /// GS06.
    public var controlNumber: String
    /// GS08, e.g. `005010X221A1`.
    public var version: String
    /// The transaction sets.
    public var transactionSets: [TransactionSet]
    /// The segment number of the GS.
    public var segmentNumber: Int
}

/// One ST…SE transaction set, located in its file.
public struct TransactionSet: Sendable, Hashable, Codable {
    /// ST01: `835`, `837`, `999`, `277`.
    public var id: String
    /// ST02.
    public var controlNumber: String
    /// ST03 when present, else the group's GS08.
    public var implementation: String
    /// The separators of its interchange.
    public var separators: Separators
    /// Indices (from 0) of its segments in the file, ST through SE.
    public var segmentIndices: Range<Int>
    /// The segment number of the ST.
    public var segmentNumber: Int { segmentIndices.lowerBound + 1 }
    /// The number of segments, ST and SE included.
    public var segmentCount: Int { segmentIndices.count }
}
