import Foundation

/// Takes one person's identifiers out of a raw X12 file, keeping every segment and its structure.
///
/// A person's party loop starts at an `NM1` for a person (entity IL subscriber, QC patient, 74 corrected
/// insured) whose id (NM109) is one of the person's ids, or whose last and first names (NM103, NM104) are
/// the person's (compared in their X12 form: upper case, accents dropped). In that `NM1` the names, the
/// suffix and the id become `X`; in the `N3`, `N4`, `DMG`, `REF` and `PER` segments that follow it, every
/// value but the qualifiers becomes `X`. Any other element anywhere that is exactly one of the person's
/// ids becomes `X` too. Segment counts and separators are unchanged, so the envelopes still read.
public struct X12Redactor: Sendable {
    /// The identifiers to take out.
    public struct Person: Sendable {
        /// Last name.
        public var lastName: String
        /// First name.
        public var firstName: String
        /// Member and subscriber ids (empty ones are ignored).
        public var ids: [String]

        /// A person.
        public init(lastName: String, firstName: String, ids: [String]) {
            self.lastName = lastName
            self.firstName = firstName
            self.ids = ids
        }
    }

    /// What a redaction did.
    public struct Outcome: Sendable, Equatable {
        /// The file's bytes after redaction.
        public var bytes: [UInt8]
        /// How many segments changed (0: the file did not mention the person).
        public var segmentsRedacted: Int

        /// An outcome.
        public init(bytes: [UInt8], segmentsRedacted: Int) {
            self.bytes = bytes
            self.segmentsRedacted = segmentsRedacted
        }
    }

    let person: Person

    /// A redactor for one person.
    public init(_ person: Person) {
        self.person = person
    }

    /// Segments of a person's party loop after its `NM1`.
    static let partySegments: Set<String> = ["N3", "N4", "DMG", "REF", "PER"]
    /// `NM101` values that name a person who may be the patient or the subscriber.
    static let personEntities: Set<String> = ["IL", "QC", "74"]

    /// Redacts `bytes`; a file without a readable ISA header is returned unchanged.
    public func redact(_ bytes: [UInt8]) -> Outcome {
        guard let separators = Self.separators(bytes) else { return Outcome(bytes: bytes, segmentsRedacted: 0) }
        let ids = Set(person.ids.map(Self.normalized).filter { !$0.isEmpty })
        let last = Self.normalized(person.lastName), first = Self.normalized(person.firstName)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var changed = 0
        var inParty = false
        for piece in bytes.split(separator: separators.segment, omittingEmptySubsequences: false).enumerated() {
            if piece.offset > 0 { out.append(separators.segment) }
            let raw = Array(piece.element)
            let lead = raw.prefix { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }
            var elements = raw.dropFirst(lead.count).split(separator: separators.element, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            let tag = elements.first ?? ""
            var redact: [Int] = []
            if tag == "NM1" {
                let element = { (i: Int) in i < elements.count ? Self.normalized(elements[i]) : "" }
                let named = !last.isEmpty && element(3) == last && (first.isEmpty || element(4) == first)
                inParty = Self.personEntities.contains(element(1)) && (named || ids.contains(element(9)))
                if inParty { redact = [3, 4, 5, 7, 9] }
            } else if inParty && Self.partySegments.contains(tag) {
                let qualifiers: Set<Int> = tag == "REF" || tag == "DMG" || tag == "PER" ? [1] : []
                redact = Array(1..<elements.count).filter { !qualifiers.contains($0) }
            } else {
                inParty = false
            }
            for index in elements.indices.dropFirst() where !redact.contains(index) && ids.contains(Self.normalized(elements[index])) {
                redact.append(index)
            }
            var touched = false
            for index in redact where index < elements.count && !elements[index].isEmpty && elements[index] != "X" {
                elements[index] = "X"
                touched = true
            }
            if touched {
                changed += 1
                out += lead
                out += Array(elements.joined(separator: String(decoding: [separators.element], as: UTF8.self)).utf8)
            } else {
                out += raw
            }
        }
        return Outcome(bytes: changed == 0 ? bytes : out, segmentsRedacted: changed)
    }

    /// A value in the form files carry it: X12 characters, upper case, trimmed.
    static func normalized(_ value: String) -> String {
        (X12Text(value)?.text ?? value).uppercased().trimmingCharacters(in: .whitespaces)
    }

    /// The element and segment separators of the ISA that starts the file (after any white space).
    static func separators(_ bytes: [UInt8]) -> (element: UInt8, segment: UInt8)? {
        guard let start = bytes.firstIndex(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }), bytes.count >= start + 106,
            bytes[start..<start + 3].elementsEqual("ISA".utf8)
        else { return nil }
        return (bytes[start + 3], bytes[start + 105])
    }
}
