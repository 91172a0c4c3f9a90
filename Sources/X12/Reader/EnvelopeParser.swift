/// Checks ISA/GS/ST nesting, control numbers and counts over a lexed file.
enum EnvelopeParser {
    static func parse(_ store: SegmentStore) throws(X12Error) -> ([Interchange], [X12Warning]) {
        var interchanges: [Interchange] = []
        var warnings: [X12Warning] = []
        var interchange: Interchange?
        var group: FunctionalGroup?
        var setStart: (index: Int, id: String, control: String, implementation: String?)?
        var changeIndex = -1
        var separators = Separators.standard

        guard store.count > 0 else {
            throw X12Error(.syntax, at: X12Location(file: store.fileName), "the file holds no segments")
        }
        for index in 0..<store.count {
            while changeIndex + 1 < store.separatorChanges.count, store.separatorChanges[changeIndex + 1].index <= index {
                changeIndex += 1
                separators = store.separatorChanges[changeIndex].separators
            }
            let segment = Segment(store: store, index: index, separators: separators)
            if let start = setStart {
                let tag = segment.tag
                if tag == .x12("SE") {
                    try checkSE(segment, start: start)
                    let set = TransactionSet(
                        id: start.id, controlNumber: start.control,
                        implementation: start.implementation ?? group?.version ?? "",
                        separators: separators, segmentIndices: start.index..<(index + 1))
                    group?.transactionSets.append(set)
                    setStart = nil
                } else if tag == .x12("ST") || tag == .x12("GE") || tag == .x12("GS") || tag == .x12("IEA") || tag == .x12("ISA") {
                    throw X12Error(.envelope, at: segment.location(),
                                   "\(segment.id) before SE closes transaction set \(start.control) (ST at segment \(start.index + 1))")
                }
                continue
            }
            switch segment.id {
            case "ISA":
                if let open = interchange {
                    throw X12Error(.envelope, at: segment.location(), "ISA before IEA closes interchange \(open.controlNumber)")
                }
                interchange = try readISA(segment, warnings: &warnings)
            case "TA1":
                guard interchange != nil, group == nil else {
                    throw X12Error(.envelope, at: segment.location(), "TA1 must sit inside an interchange, outside functional groups")
                }
                interchange?.interchangeAcknowledgments.append(try InterchangeAcknowledgment(segment: segment))
            case "GS":
                guard interchange != nil else {
                    throw X12Error(.envelope, at: segment.location(), "GS outside an interchange (ISA missing)")
                }
                if let open = group {
                    throw X12Error(.envelope, at: segment.location(), "GS before GE closes functional group \(open.controlNumber)")
                }
                group = try readGS(segment)
            case "ST":
                guard group != nil else {
                    throw X12Error(.envelope, at: segment.location(), "ST outside a functional group (GS missing)")
                }
                let id = try segment.required(1, "ST01 (transaction set id)")
                let control = try segment.required(2, "ST02 (transaction set control number)")
                setStart = (index, id, control, segment.element(3))
            case "GE":
                guard let open = group else {
                    throw X12Error(.envelope, at: segment.location(), "GE without a GS")
                }
                let declared = try segment.integer(1)
                if declared != open.transactionSets.count {
                    throw X12Error(.envelope, at: segment.location(1),
                                   "GE01 says \(declared.map(String.init) ?? "nothing") transaction sets but functional group \(open.controlNumber) has \(open.transactionSets.count)")
                }
                let control = try segment.required(2, "GE02 (group control number)")
                guard sameControlNumber(control, open.controlNumber) else {
                    throw X12Error(.envelope, at: segment.location(2),
                                   "GE02 \(quoted(segment.bytes(2))) does not match GS06 \"\(open.controlNumber)\" (segment \(open.segmentNumber))")
                }
                interchange?.groups.append(open)
                group = nil
            case "IEA":
                guard let open = interchange else {
                    throw X12Error(.envelope, at: segment.location(), "IEA without an ISA")
                }
                if let unclosed = group {
                    throw X12Error(.envelope, at: segment.location(), "IEA before GE closes functional group \(unclosed.controlNumber)")
                }
                let declared = try segment.integer(1)
                if declared != open.groups.count {
                    throw X12Error(.envelope, at: segment.location(1),
                                   "IEA01 says \(declared.map(String.init) ?? "nothing") functional groups but interchange \(open.controlNumber) has \(open.groups.count)")
                }
                let control = try segment.required(2, "IEA02 (interchange control number)")
                guard control == open.controlNumber else {
                    throw X12Error(.envelope, at: segment.location(2),
                                   "IEA02 \(quoted(segment.bytes(2))) does not match ISA13 \"\(open.controlNumber)\" (segment \(open.segmentNumber))")
                }
                interchanges.append(open)
                interchange = nil
            default:
                let place = group != nil ? "between transaction sets" : interchange != nil ? "between functional groups" : "outside an interchange"
                throw X12Error(.envelope, at: segment.location(), "\(segment.id) \(place); only ST, GS/GE, TA1 and ISA/IEA may appear here")
            }
        }
        let last = Segment(store: store, index: store.count - 1, separators: separators)
        if let start = setStart {
            throw X12Error(.envelope, at: last.location(), "the file ends inside transaction set \(start.control) (ST at segment \(start.index + 1)): SE is missing")
        }
        if let open = group {
            throw X12Error(.envelope, at: last.location(), "the file ends inside functional group \(open.controlNumber): GE is missing")
        }
        if let open = interchange {
            throw X12Error(.envelope, at: last.location(), "the file ends inside interchange \(open.controlNumber): IEA is missing")
        }
        return (interchanges, warnings)
    }

    static func checkSE(_ segment: Segment, start: (index: Int, id: String, control: String, implementation: String?)) throws(X12Error) {
        let actual = segment.index - start.index + 1
        let declared = try segment.integer(1)
        if declared != actual {
            throw X12Error(.envelope, at: segment.location(1),
                           "SE01 says \(declared.map(String.init) ?? "nothing") segments but transaction set \(start.control) has \(actual) (ST through SE)")
        }
        let control = try segment.required(2, "SE02 (transaction set control number)")
        guard control == start.control else {
            throw X12Error(.envelope, at: segment.location(2),
                           "SE02 \(quoted(segment.bytes(2))) does not match ST02 \"\(start.control)\" (segment \(start.index + 1))")
        }
    }

    static func readISA(_ segment: Segment, warnings: inout [X12Warning]) throws(X12Error) -> Interchange {
        guard segment.elementCount == 16 else {
            throw X12Error(.syntax, at: segment.location(), "the ISA has \(segment.elementCount) elements; 16 are required")
        }
        let version = segment.element(12) ?? ""
        if version == "00401" || version.hasPrefix("004") {
            throw X12Error(.unsupportedVersion, at: segment.location(12),
                           "interchange version \(quoted(segment.bytes(12))) is 4010; only 5010 (00501) is read")
        }
        guard version == "00501" else {
            throw X12Error(.unsupportedVersion, at: segment.location(12),
                           "interchange version \(quoted(segment.bytes(12))) is not supported; only 5010 (00501) is read")
        }
        let control = segment.bytes(13)
        guard control.count == 9, control.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw X12Error(.value, at: segment.location(13), "\(quoted(control)) is not a 9-digit interchange control number")
        }
        let width = segment.bytes(16).endIndex - segment.bytes(0).startIndex + 1
        if width != 106 {
            warnings.append(X12Warning(at: segment.location(), "the ISA is \(width) characters long; 106 are expected (fixed-width fields)"))
        }
        let repetition = segment.bytes(11)
        let component = segment.bytes(16)
        guard repetition.count == 1, component.count == 1 else {
            throw X12Error(.syntax, at: segment.location(repetition.count == 1 ? 16 : 11),
                           "a separator must be a single character")
        }
        return Interchange(
            senderQualifier: segment.element(5) ?? "", senderID: trimmed(segment.element(6)),
            receiverQualifier: segment.element(7) ?? "", receiverID: trimmed(segment.element(8)),
            date: segment.element(9) ?? "", time: segment.element(10) ?? "", version: version,
            controlNumber: text(control),
            acknowledgmentRequested: segment.element(14) == "1", usage: segment.element(15) ?? "",
            separators: segment.separators, groups: [], interchangeAcknowledgments: [], segmentNumber: segment.number)
    }

    static func readGS(_ segment: Segment) throws(X12Error) -> FunctionalGroup {
        let version = try segment.required(8, "GS08 (version)")
        if version.hasPrefix("004") {
            throw X12Error(.unsupportedVersion, at: segment.location(8),
                           "functional group version \(quoted(segment.bytes(8))) is 4010; only 5010 (00501…) is read")
        }
        guard version.hasPrefix("00501") else {
            throw X12Error(.unsupportedVersion, at: segment.location(8),
                           "functional group version \(quoted(segment.bytes(8))) is not supported; only 5010 (00501…) is read")
        }
        return FunctionalGroup(
            functionalID: try segment.required(1, "GS01 (functional identifier)"),
            applicationSender: segment.element(2) ?? "", applicationReceiver: segment.element(3) ?? "",
            date: try requiredDate(segment), time: try segment.required(5, "GS05 (time)"),
            controlNumber: try segment.required(6, "GS06 (group control number)"),
            version: version, transactionSets: [], segmentNumber: segment.number)
    }

    static func requiredDate(_ segment: Segment) throws(X12Error) -> X12Date {
        guard let date = try segment.date(4) else {
            throw X12Error(.structure, at: segment.location(4), "GS04 (date) is missing")
        }
        return date
    }

    /// Group control numbers compare as numbers when both are digits (`1` and `000000001`), else as text.
    static func sameControlNumber(_ lhs: String, _ rhs: String) -> Bool {
        if let left = Int(lhs), let right = Int(rhs) { return left == right }
        return lhs == rhs
    }

    static func trimmed(_ value: String?) -> String {
        guard var value else { return "" }
        while value.hasSuffix(" ") { value.removeLast() }
        return value
    }
}
