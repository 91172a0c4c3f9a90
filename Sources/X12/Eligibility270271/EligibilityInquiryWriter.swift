/// Writes 270 interchanges (005010X279A1).
extension EligibilityInquiryBatch {
    /// The implementation reference written in GS08 and ST03.
    public static let implementation = "005010X279A1"

    /// Minimum and maximum lengths of the elements 005010X279A1 gives, the same in every loop we write: a value outside
    /// them is refused rather than written.
    static let elementLengths: [String: ClosedRange<Int>] = [
        "BHT03": 1...50, "NM103": 1...60, "NM104": 1...35, "NM105": 1...25, "NM107": 1...10, "NM109": 2...80,
        "TRN02": 1...50, "TRN03": 10...10, "REF02": 1...50,
    ]

    /// The interchange as X12 bytes: one functional group (GS01 `HS`), the inquiries split into transaction sets of at
    /// most `inquiriesPerSet` patients. Throws when an inquiry breaks a rule the file cannot carry (no service type, a
    /// trace or originator of the wrong length, a value holding a separator).
    public func x12() throws(X12Error) -> [UInt8] {
        guard inquiriesPerSet >= 1 else {
            throw X12Error(.value, at: X12Location(segmentID: "HL"), "inquiriesPerSet must be at least 1")
        }
        guard !inquiries.isEmpty else {
            throw X12Error(.structure, at: X12Location(segmentID: "HL"), "a 270 needs at least one inquiry")
        }
        var writer = X12Writer(envelope: envelope)
        writer.lengths = Self.elementLengths
        try writer.begin(functionalID: "HS", version: Self.implementation)
        var control = firstTransactionControlNumber
        for start in stride(from: 0, to: inquiries.count, by: inquiriesPerSet) {
            let number = String(control).count >= 4 ? String(control) : String(repeating: "0", count: 4 - String(control).count) + String(control)
            try writeSet(inquiries[start..<min(start + inquiriesPerSet, inquiries.count)], control: number, to: &writer)
            control += 1
        }
        return try writer.finish()
    }

    private func writeSet(_ batch: ArraySlice<EligibilityInquiry>, control: String, to writer: inout X12Writer) throws(X12Error) {
        try writer.beginSet(id: "270", controlNumber: control, implementation: Self.implementation)
        try writer.add("BHT", ["0022", "13", .text(reference), .text(envelope.date.x12), .text(envelope.time.x12)])
        try writer.add("HL", ["1", "", "20", "1"])
        try writer.add("NM1", [.text(source.entity), "2", .text(source.name), "", "", "", "", .text(source.idQualifier), .text(source.id)])
        try writer.add("HL", ["2", "1", "21", "1"])
        let name = receiver.name
        try writer.add("NM1", [.text(receiver.entity), .text(receiver.entityType), .text(name.last), .text(name.first), .text(name.middle),
                               "", .text(name.suffix), .text(receiver.idQualifier), .text(receiver.id)])
        var hl = 2
        for inquiry in batch {
            try validate(inquiry)
            hl += 1
            let subscriberHL = hl
            let isDependent = inquiry.dependent != nil
            try writer.add("HL", [.text(String(hl)), "2", "22", isDependent ? "1" : "0"])
            if !isDependent { try writer.add("TRN", ["1", .text(inquiry.trace), .text(inquiry.traceOriginator)]) }
            try writer.member("IL", inquiry.subscriber, idQualifier: "MI")
            if let dependent = inquiry.dependent {
                hl += 1
                try writer.add("HL", [.text(String(hl)), .text(String(subscriberHL)), "23", "0"])
                try writer.add("TRN", ["1", .text(inquiry.trace), .text(inquiry.traceOriginator)])
                try writer.member("03", dependent, idQualifier: nil)
            }
            if let date = inquiry.serviceDate { try writer.period("291", date) }
            for code in inquiry.serviceTypes { try writer.add("EQ", [.text(code)]) }
        }
        try writer.endSet(controlNumber: control)
    }

    private func validate(_ inquiry: EligibilityInquiry) throws(X12Error) {
        guard (1...99).contains(inquiry.serviceTypes.count) else {
            throw X12Error(.value, at: X12Location(segmentID: "EQ", element: 1),
                           "inquiry \(inquiry.trace) asks about \(inquiry.serviceTypes.count) service types; 1 to 99 are allowed")
        }
        if let bad = inquiry.serviceTypes.first(where: { !(1...2).contains($0.utf8.count) }) {
            throw X12Error(.value, at: X12Location(segmentID: "EQ", element: 1),
                           "inquiry \(inquiry.trace): \(Segment.shownCode(Array(bad.utf8), maxLength: 3)) is not a service type code (1 or 2 characters)")
        }
        guard inquiry.subscriber.memberID != nil else {
            throw X12Error(.structure, at: X12Location(segmentID: "NM1", element: 9), "inquiry \(inquiry.trace): the subscriber has no member id")
        }
        if inquiry.dependent?.memberID != nil {
            throw X12Error(.structure, at: X12Location(segmentID: "NM1", element: 9),
                           "inquiry \(inquiry.trace): a dependent has no member id in 005010X279A1 (a patient with their own id is asked about as the subscriber)")
        }
    }
}

extension X12Writer {
    /// NM1 and DMG of a 270 subscriber (`IL`) or dependent (`03`).
    mutating func member(_ entity: String, _ member: Member, idQualifier: String?) throws(X12Error) {
        try memberName(entity, member, idQualifier: idQualifier)
        try demographics(member)
    }

    /// NM1 of a subscriber (`IL`, with its member id) or dependent (`03`).
    mutating func memberName(_ entity: String, _ member: Member, idQualifier: String?) throws(X12Error) {
        let name = member.name.value
        let id = idQualifier == nil ? nil : member.memberID?.value
        try add("NM1", [.text(entity), "1", .text(name.last), .text(name.first), .text(name.middle), "", .text(name.suffix),
                        .text(id == nil ? nil : idQualifier), .text(id)])
    }

    /// DMG, when the birth date is known.
    mutating func demographics(_ member: Member) throws(X12Error) {
        if let birthDate = member.birthDate {
            try add("DMG", ["D8", .text(birthDate.value.x12), .text(member.gender)])
        }
    }
}
