/// The bytes of one field: a view into the store's buffer, valid while its segment (and so the store) lives.
typealias FieldBytes = Slice<UnsafeBufferPointer<UInt8>>

/// Every segment of one file, as offsets into one copy of the file's bytes: no per-element strings are made
/// until a reader asks for one.
///
/// `@unchecked Sendable`: the buffer is written once in `init`, only read afterwards, and freed in `deinit`;
/// every `Segment` holds the store strongly, so field views never outlive it while their segment is in use.
final class SegmentStore: @unchecked Sendable {
    /// The file's bytes, owned by the store.
    let buffer: UnsafeBufferPointer<UInt8>
    /// The file's name, for error locations.
    let fileName: String?
    /// Start offset of every field (the segment id is field 0), all segments in order.
    let fieldStarts: [Int32]
    /// Index into `fieldStarts` of each segment's id, plus a final sentinel.
    let firstField: [Int32]
    /// Offset of each segment's terminator (one past its last byte).
    let segmentEnds: [Int32]
    /// The separators in force from a segment index on (one entry per ISA).
    let separatorChanges: [(index: Int, separators: Separators)]

    /// A store owning `buffer` (allocated by the lexer, freed here).
    init(buffer: UnsafeBufferPointer<UInt8>, fileName: String?, fieldStarts: [Int32], firstField: [Int32], segmentEnds: [Int32],
         separatorChanges: [(index: Int, separators: Separators)]) {
        self.buffer = buffer
        self.fileName = fileName
        self.fieldStarts = fieldStarts
        self.firstField = firstField
        self.segmentEnds = segmentEnds
        self.separatorChanges = separatorChanges
    }

    deinit {
        UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
    }

    /// The number of segments.
    var count: Int { segmentEnds.count }

    /// The number of fields of segment `index`, its id included.
    func fieldCount(_ index: Int) -> Int { Int(firstField[index + 1] - firstField[index]) }

    /// The bytes of field `field` (0 = id) of segment `index`; empty when absent.
    func field(_ index: Int, _ field: Int) -> FieldBytes {
        let first = Int(firstField[index])
        let count = Int(firstField[index + 1]) - first
        guard field >= 0, field < count else { return buffer[0..<0] }
        let start = Int(fieldStarts[first + field])
        let end = field + 1 < count ? Int(fieldStarts[first + field + 1]) - 1 : Int(segmentEnds[index])
        return buffer[start..<end]
    }
}

/// Field bytes as a string, through the contiguous fast path.
func text(_ bytes: FieldBytes) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
}
