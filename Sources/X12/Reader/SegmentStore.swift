/// Every segment of one file, as offsets into the file's bytes: no per-element strings are made until a
/// reader asks for one. Immutable once built.
final class SegmentStore: Sendable {
    /// The file's bytes.
    let bytes: [UInt8]
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

    init(bytes: [UInt8], fileName: String?, fieldStarts: [Int32], firstField: [Int32], segmentEnds: [Int32],
         separatorChanges: [(index: Int, separators: Separators)]) {
        self.bytes = bytes
        self.fileName = fileName
        self.fieldStarts = fieldStarts
        self.firstField = firstField
        self.segmentEnds = segmentEnds
        self.separatorChanges = separatorChanges
    }

    /// The number of segments.
    var count: Int { segmentEnds.count }

    /// The number of fields of segment `index`, its id included.
    func fieldCount(_ index: Int) -> Int { Int(firstField[index + 1] - firstField[index]) }

    /// The bytes of field `field` (0 = id) of segment `index`; empty when absent.
    func field(_ index: Int, _ field: Int) -> ArraySlice<UInt8> {
        let first = Int(firstField[index])
        let count = Int(firstField[index + 1]) - first
        guard field >= 0, field < count else { return [] }
        let start = Int(fieldStarts[first + field])
        let end = field + 1 < count ? Int(fieldStarts[first + field + 1]) - 1 : Int(segmentEnds[index])
        return bytes[start..<end]
    }
}
