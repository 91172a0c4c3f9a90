/// One segment of a file: its id, its position, and its elements read on demand from the file's bytes.
public struct Segment: Sendable {
    let store: SegmentStore
    /// The segment's index in the file, from 0.
    public let index: Int
    /// The separators in force for this segment.
    public let separators: Separators

    init(store: SegmentStore, index: Int, separators: Separators) {
        self.store = store
        self.index = index
        self.separators = separators
    }

    /// The segment number counted from 1 over the whole file, as errors report it.
    public var number: Int { index + 1 }

    /// The segment id (`CLP`).
    public var id: String { text(store.field(index, 0)) }

    /// Whether the id is `id`, without making a string.
    func `is`(_ id: StaticString) -> Bool {
        let field = store.field(index, 0)
        guard field.count == id.utf8CodeUnitCount else { return false }
        var offset = 0
        for byte in field {
            if byte != id.utf8Start[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The segment id packed into an integer (`"CLP"` → `0x434C50`), for fast dispatch without making a string.
    var tag: UInt32 {
        var value: UInt32 = 0
        for byte in store.field(index, 0).prefix(3) { value = value << 8 | UInt32(byte) }
        return value
    }

    /// The number of elements after the id (trailing empty ones included when written).
    public var elementCount: Int { store.fieldCount(index) - 1 }

    /// The bytes of element `position` (from 1); empty when absent.
    func bytes(_ position: Int) -> FieldBytes { store.field(index, position) }

    /// Element `position` (from 1) as text; `nil` when absent or empty.
    public func element(_ position: Int) -> String? {
        let field = store.field(index, position)
        return field.isEmpty ? nil : text(field)
    }

    /// The location of this segment, or of one of its elements, for errors and warnings.
    func location(_ element: Int? = nil, component: Int? = nil) -> X12Location {
        X12Location(file: store.fileName, segmentNumber: number, segmentID: id, element: element, component: component)
    }
}

extension UInt32 {
    /// The tag of a segment id, as `Segment.tag` computes it.
    static func x12(_ id: StaticString) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<Swift.min(id.utf8CodeUnitCount, 3) { value = value << 8 | UInt32(id.utf8Start[offset]) }
        return value
    }
}
