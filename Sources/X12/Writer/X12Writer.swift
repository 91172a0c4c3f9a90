/// An element to write: plain text, or a composite whose components are joined with the component separator.
enum Field: ExpressibleByStringLiteral {
    case text(String?)
    case composite([String?])

    init(stringLiteral value: String) { self = .text(value) }
}

/// Assembles segments into an interchange: ISA/GS/ST…SE/GE/IEA with counts computed, values checked for
/// separator characters (X12 has no escape, so such a value is refused rather than corrupting the file),
/// for characters outside the X12 character sets, and for the lengths in `lengths`.
struct X12Writer {
    let envelope: InterchangeEnvelope
    /// The lengths an implementation guide allows, by element reference (`NM103`); a longer or shorter
    /// non-empty value is refused, naming the element and the limit, never the value.
    var lengths: [String: ClosedRange<Int>] = [:]
    private var output: [UInt8] = []
    private var segmentNumber = 0
    private var setStart = 0
    private var setCount = 0

    init(envelope: InterchangeEnvelope) {
        self.envelope = envelope
    }

    /// Writes one segment; trailing empty elements and components are left out.
    mutating func add(_ id: String, _ fields: [Field]) throws(X12Error) {
        segmentNumber += 1
        let separators = envelope.separators
        var elements: [String] = []
        for (offset, field) in fields.enumerated() {
            switch field {
            case .text(let value):
                // Trailing spaces are suppressed (005010X222A1 B.1.1.3.1.4, data element type AN).
                var text = value ?? ""
                while text.last == " " { text.removeLast() }
                try check(text, id: id, element: offset + 1, component: nil)
                try checkLength(text, id: id, element: offset + 1)
                elements.append(text)
            case .composite(let parts):
                var components: [String] = []
                for (index, part) in parts.enumerated() {
                    try check(part ?? "", id: id, element: offset + 1, component: index + 1)
                    components.append(part ?? "")
                }
                while components.last?.isEmpty == true { components.removeLast() }
                elements.append(components.joined(separator: String(UnicodeScalar(separators.component))))
            }
        }
        while elements.last?.isEmpty == true { elements.removeLast() }
        output += Array(id.utf8)
        for element in elements {
            output.append(separators.element)
            output += Array(element.utf8)
        }
        output.append(separators.segment)
        if envelope.lineBreaks { output.append(0x0A) }
    }

    private func check(_ value: String, id: String, element: Int, component: Int?) throws(X12Error) {
        let forbidden = envelope.separators.all + [0x0A, 0x0D]
        if value.utf8.contains(where: { forbidden.contains($0) }) {
            throw X12Error(.value, at: X12Location(segmentNumber: segmentNumber, segmentID: id, element: element, component: component),
                           "the value contains a separator or line-break character, which X12 cannot escape")
        }
        // 005010X222A1 B.1.1.2: the basic and extended character sets are printable ASCII.
        if value.utf8.contains(where: { !(0x20...0x7E).contains($0) }) {
            throw X12Error(.value, at: X12Location(segmentNumber: segmentNumber, segmentID: id, element: element, component: component),
                           "the value holds a character outside the X12 character set (printable ASCII)")
        }
    }

    private func checkLength(_ value: String, id: String, element: Int) throws(X12Error) {
        guard !value.isEmpty else { return }
        let reference = id + (element < 10 ? "0" : "") + String(element)
        guard let allowed = lengths[reference], !allowed.contains(value.utf8.count) else { return }
        throw X12Error(.value, at: X12Location(segmentNumber: segmentNumber, segmentID: id, element: element),
                       "\(reference) is \(value.utf8.count) characters long; the implementation guide allows \(allowed.lowerBound) to \(allowed.upperBound)")
    }

    /// ISA and GS.
    mutating func begin(functionalID: String, version: String) throws(X12Error) {
        try beginInterchange()
        let e = envelope
        try add("GS", [.text(functionalID), .text(e.applicationSender), .text(e.applicationReceiver), .text(e.date.x12),
                       .text(e.time.x12), .text(String(e.groupControlNumber)), "X", .text(version)])
    }

    /// ISA alone.
    mutating func beginInterchange() throws(X12Error) {
        let e = envelope
        guard (1...999_999_999).contains(e.interchangeControlNumber), (1...999_999_999).contains(e.groupControlNumber) else {
            throw X12Error(.value, at: X12Location(segmentID: "ISA", element: 13), "control numbers must be 1…999999999")
        }
        guard e.senderID.utf8.count <= 15, e.receiverID.utf8.count <= 15, !e.senderID.isEmpty, !e.receiverID.isEmpty else {
            throw X12Error(.value, at: X12Location(segmentID: "ISA", element: 6), "sender and receiver ids must be 1…15 characters")
        }
        for (position, value) in [(5, e.senderQualifier), (6, e.senderID), (7, e.receiverQualifier), (8, e.receiverID), (15, e.usage)] {
            try check(value, id: "ISA", element: position, component: nil)
        }
        let date = e.date.x12
        try add("ISA", [
            "00", .text(padded("", 10)), "00", .text(padded("", 10)),
            .text(padded(e.senderQualifier, 2)), .text(padded(e.senderID, 15)),
            .text(padded(e.receiverQualifier, 2)), .text(padded(e.receiverID, 15)),
            .text(String(date.dropFirst(2))), .text(e.time.x12),
            .text(String(UnicodeScalar(e.separators.repetition))), "00501",
            .text(pad(e.interchangeControlNumber, 9)), .text(e.acknowledgmentRequested ? "1" : "0"), .text(e.usage),
            .text(String(UnicodeScalar(e.separators.component))),
        ], raw: true)
    }

    /// ISA elements 11 and 16 are separators themselves; they skip the separator check.
    private mutating func add(_ id: String, _ fields: [Field], raw: Bool) throws(X12Error) {
        segmentNumber += 1
        var bytes = Array(id.utf8)
        for field in fields {
            bytes.append(envelope.separators.element)
            if case .text(let value) = field { bytes += Array((value ?? "").utf8) }
        }
        bytes.append(envelope.separators.segment)
        if envelope.lineBreaks { bytes.append(0x0A) }
        output += bytes
    }

    /// ST.
    mutating func beginSet(id: String, controlNumber: String, implementation: String?) throws(X12Error) {
        guard (4...9).contains(controlNumber.utf8.count) else {
            throw X12Error(.value, at: X12Location(segmentNumber: segmentNumber + 1, segmentID: "ST", element: 2),
                           "\(quoted(Array(controlNumber.utf8)[...])) is not a 4 to 9 character control number")
        }
        setStart = segmentNumber + 1
        try add("ST", [.text(id), .text(controlNumber), .text(implementation)])
    }

    /// SE with the segment count.
    mutating func endSet(controlNumber: String) throws(X12Error) {
        try add("SE", [.text(String(segmentNumber + 2 - setStart)), .text(controlNumber)])
        setCount += 1
    }

    /// GE and IEA; the bytes.
    mutating func finish() throws(X12Error) -> [UInt8] {
        try add("GE", [.text(String(setCount)), .text(String(envelope.groupControlNumber))])
        return try finishInterchange(groups: 1)
    }

    /// IEA; the bytes.
    mutating func finishInterchange(groups: Int) throws(X12Error) -> [UInt8] {
        try add("IEA", [.text(String(groups)), .text(pad(envelope.interchangeControlNumber, 9))])
        return output
    }

    private func padded(_ value: String, _ width: Int) -> String {
        value.utf8.count >= width ? value : value + String(repeating: " ", count: width - value.utf8.count)
    }
}

/// Text helpers for writers.
extension Optional where Wrapped == X12Amount {
    var x12: String? { self?.x12 }
}
