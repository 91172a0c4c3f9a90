/// Reads one 999 transaction set.
struct ImplementationAcknowledgmentParser {
    let segments: [Segment]
    var warnings: [X12Warning] = []

    typealias Ack = ImplementationAcknowledgment

    mutating func parse() throws(X12Error) -> Ack {
        guard let st = segments.first else { throw X12Error(.structure, at: X12Location(), "an empty transaction set") }
        let control = st.element(2) ?? ""
        var ak1: (String, String, String?)?
        var sets: [Ack.SetResponse] = []
        var current: Ack.SetResponse?
        var result: Ack.GroupResult?

        for segment in segments.dropFirst().dropLast() {
            switch segment.id {
            case "AK1":
                guard ak1 == nil else { throw X12Error(.structure, at: segment.location(), "a second AK1") }
                ak1 = (try segment.required(1, "AK101 (functional identifier)"), try segment.required(2, "AK102 (group control number)"), segment.element(3))
            case "AK2":
                guard ak1 != nil, result == nil else { throw misplaced(segment) }
                if let open = current {
                    throw X12Error(.structure, at: segment.location(), "AK2 before IK5 closes the response for transaction set \(open.controlNumber)")
                }
                current = Ack.SetResponse(setID: try segment.required(1, "AK201 (transaction set id)"),
                                          controlNumber: try segment.required(2, "AK202 (transaction set control number)"),
                                          implementation: segment.element(3), result: "")
            case "IK3":
                guard current != nil else { throw misplaced(segment) }
                guard let position = try segment.integer(2) else {
                    throw X12Error(.structure, at: segment.location(2), "IK302 (segment position) is missing")
                }
                current?.segmentErrors.append(Ack.SegmentError(
                    segmentID: try segment.required(1, "IK301 (segment id)"), position: position,
                    loopID: segment.element(3), code: try segment.required(4, "IK304 (segment error code)")))
            case "CTX":
                guard current != nil, let last = current?.segmentErrors.indices.last else { throw misplaced(segment) }
                let identification = segment.components(1, warnings: &warnings)
                guard let name = identification.first, !name.isEmpty else {
                    throw X12Error(.structure, at: segment.location(1), "CTX01 (context identification) is missing")
                }
                let context = Ack.Context(name: name, reference: identification.count > 1 ? identification[1] : nil,
                                          segmentID: segment.element(2), segmentPosition: try segment.integer(3))
                current?.segmentErrors[last].contexts.append(context)
            case "IK4":
                guard current != nil, let last = current?.segmentErrors.indices.last else { throw misplaced(segment) }
                let position = segment.components(1, warnings: &warnings)
                guard let first = position.first, let element = Int(first) else {
                    throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not an element position")
                }
                current?.segmentErrors[last].elementErrors.append(Ack.ElementError(
                    position: element, componentPosition: position.count > 1 ? Int(position[1]) : nil,
                    elementReference: segment.element(2), code: try segment.required(3, "IK403 (element error code)"),
                    badValue: segment.element(4)))
            case "IK5":
                guard var open = current else { throw misplaced(segment) }
                open.result = try segment.required(1, "IK501 (transaction set acknowledgment code)")
                guard ["A", "E", "R", "M", "W", "X"].contains(open.result) else {
                    throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not an acknowledgment code")
                }
                open.errorCodes = (2...6).compactMap { segment.element($0) }
                sets.append(open)
                current = nil
            case "AK9":
                guard ak1 != nil, current == nil, result == nil else { throw misplaced(segment) }
                let code = try segment.required(1, "AK901 (group acknowledgment code)")
                guard ["A", "E", "P", "R", "M", "W", "X"].contains(code) else {
                    throw X12Error(.value, at: segment.location(1), "\(quoted(segment.bytes(1))) is not a group acknowledgment code")
                }
                result = Ack.GroupResult(
                    code: code, includedCount: try segment.integer(2) ?? 0, receivedCount: try segment.integer(3) ?? 0,
                    acceptedCount: try segment.integer(4) ?? 0, errorCodes: (5...9).compactMap { segment.element($0) })
            default:
                warnings.append(X12Warning(at: segment.location(), "\(segment.id) is not a 999 segment; ignored"))
            }
        }
        if let open = current {
            throw X12Error(.structure, at: st.location(), "the response for transaction set \(open.controlNumber) has no IK5")
        }
        guard let ak1 else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no AK1") }
        guard let result else { throw X12Error(.structure, at: st.location(), "transaction set \(control) has no AK9") }
        if result.includedCount != sets.count {
            warnings.append(X12Warning(at: st.location(), "AK902 says \(result.includedCount) transaction sets but \(sets.count) AK2 responses follow"))
        }
        return Ack(controlNumber: control, groupFunctionalID: ak1.0, groupControlNumber: ak1.1, groupVersion: ak1.2,
                   transactionSets: sets, groupResult: result, segmentNumber: st.number)
    }

    private func misplaced(_ segment: Segment) -> X12Error {
        X12Error(.structure, at: segment.location(), "\(segment.id) is out of place in the 999")
    }
}
