/// Splits a file into segments and elements, learning the separators from each ISA header.
///
/// Tolerates a UTF-8 byte-order mark, spaces, tabs, CR and LF between segments (after a terminator,
/// before the next segment id), and Ctrl-Z or NUL padding after the last segment. Every loop advances, so
/// any input ends.
enum Lexer {
    /// Copies `count` bytes into a buffer the store will own (with `fill`), then lexes it.
    static func lex(count byteCount: Int, fileName: String?, fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) throws(X12Error) -> SegmentStore {
        guard byteCount < Int(Int32.max) else {
            throw X12Error(.syntax, at: X12Location(file: fileName), "the file is larger than 2 GB")
        }
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(byteCount, 1))
        fill(UnsafeMutableBufferPointer(rebasing: storage[0..<byteCount]))
        let owned = UnsafeBufferPointer(rebasing: storage[0..<byteCount])
        do {
            return try lex(owned, fileName: fileName)
        } catch {
            storage.deallocate()
            throw error
        }
    }

    /// Lexes `bytes`; the store takes ownership of the buffer when this returns.
    private static func lex(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String?) throws(X12Error) -> SegmentStore {
        var fieldStarts: [Int32] = []
        var firstField: [Int32] = []
        var segmentEnds: [Int32] = []
        fieldStarts.reserveCapacity(bytes.count / 6)
        firstField.reserveCapacity(bytes.count / 40)
        segmentEnds.reserveCapacity(bytes.count / 40)
        var changes: [(index: Int, separators: Separators)] = []
        var failure: X12Error?

        let scan = { (buffer: UnsafeBufferPointer<UInt8>) -> Void in
            let count = buffer.count
            var position = 0
            if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
            var current: Separators?
            func fail(_ kind: X12Error.Kind, segment: Int, id: String?, _ message: String) {
                failure = X12Error(kind, at: X12Location(file: fileName, segmentNumber: segment, segmentID: id), message)
            }
            while true {
                while position < count, isSpace(buffer[position]) { position += 1 }
                if position >= count { break }
                if buffer[position] == 0x1A || buffer[position] == 0x00,
                    buffer[position...].allSatisfy({ $0 == 0x1A || $0 == 0x00 || isSpace($0) })
                {
                    break  // DOS end-of-file marker or NUL padding after the last segment
                }
                let number = segmentEnds.count + 1
                if count - position >= 3, buffer[position] == 0x49, buffer[position + 1] == 0x53,
                    buffer[position + 2] == 0x41
                {
                    guard let found = isaSeparators(buffer, at: position) else {
                        fail(.syntax, segment: number, id: "ISA",
                             "the interchange header is incomplete or its separators are not usable (16 elements, then the component separator and the segment terminator, are required)")
                        return
                    }
                    current = found
                    changes.append((segmentEnds.count, found))
                }
                guard let separators = current else {
                    fail(.syntax, segment: number, id: nil, "the file does not start with an ISA interchange header")
                    return
                }
                var end = position
                let element = separators.element
                let terminator = separators.segment
                fieldStarts.append(Int32(position))
                firstField.append(Int32(fieldStarts.count - 1))
                var idEnd = -1
                while end < count {
                    let byte = buffer[end]
                    if byte == terminator { break }
                    if byte == element {
                        if idEnd < 0 { idEnd = end }
                        fieldStarts.append(Int32(end + 1))
                    }
                    end += 1
                }
                if idEnd < 0 { idEnd = end }
                let idLength = idEnd - position
                var idText: String?
                var validID = idLength >= 2 && idLength <= 3
                if validID {
                    for offset in position..<idEnd {
                        let byte = buffer[offset]
                        if !((byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)) { validID = false }
                    }
                    if validID { idText = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<idEnd]), as: UTF8.self) }
                }
                guard validID else {
                    let shown = idLength <= 3 ? " " + quoted(bytes[position..<idEnd]) : ""
                    fail(.syntax, segment: number, id: nil,
                         "expected a segment identifier (2 or 3 capital letters or digits), found\(shown.isEmpty ? " \(idLength) characters" : shown)")
                    return
                }
                guard end < count else {
                    fail(.syntax, segment: number, id: idText,
                         "the file ends before the segment terminator \(printable(terminator))")
                    return
                }
                segmentEnds.append(Int32(end))
                position = end + 1
            }
        }
        scan(bytes)
        if let failure { throw failure }
        firstField.append(Int32(fieldStarts.count))
        return SegmentStore(buffer: bytes, fileName: fileName, fieldStarts: fieldStarts, firstField: firstField,
                            segmentEnds: segmentEnds, separatorChanges: changes)
    }

    /// Spaces, tabs, CR and LF.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// The separators of an ISA starting at `start`: the element separator is its 4th byte; after 16 of them
    /// come the component separator and the segment terminator.
    static func isaSeparators(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Separators? {
        guard start + 3 < buffer.count else { return nil }
        let element = buffer[start + 3]
        guard isDelimiterCandidate(element) else { return nil }
        var seen = 0
        var index = start + 3
        var repetition: UInt8 = 0
        let limit = min(buffer.count, start + 200)
        while index < limit {
            if buffer[index] == element {
                seen += 1
                if seen == 11, index + 1 < limit { repetition = buffer[index + 1] }
                if seen == 16 { break }
            }
            index += 1
        }
        guard seen == 16, index + 2 < buffer.count else { return nil }
        let component = buffer[index + 1]
        let terminator = buffer[index + 2]
        let separators = Separators(element: element, component: component, repetition: repetition, segment: terminator)
        guard isDelimiterCandidate(component), terminator != element, terminator != component, component != element,
            !(terminator >= 0x30 && terminator <= 0x39), !(terminator >= 0x41 && terminator <= 0x5A)
        else { return nil }
        return separators
    }

    /// A delimiter may not be a letter, a digit or a space.
    static func isDelimiterCandidate(_ byte: UInt8) -> Bool {
        !(byte >= 0x30 && byte <= 0x39) && !(byte >= 0x41 && byte <= 0x5A) && !(byte >= 0x61 && byte <= 0x7A)
            && !isSpace(byte) && byte != 0
    }
}
