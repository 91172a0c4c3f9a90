/// Writes 276 interchanges (005010X212).
extension ClaimStatusInquiryBatch {
    /// The implementation reference written in GS08 and ST03 of 276 and 277.
    public static let implementation = "005010X212"

    static let elementLengths: [String: ClosedRange<Int>] = [
        "BHT03": 1...50, "NM103": 1...60, "NM104": 1...35, "NM109": 2...80, "TRN02": 1...50, "REF02": 1...50,
    ]

    /// The interchange: one functional group (GS01 `HR`), the claims split into sets of at most `inquiriesPerSet`.
    public func x12() throws(X12Error) -> [UInt8] {
        guard inquiriesPerSet >= 1 else { throw X12Error(.value, at: X12Location(segmentID: "HL"), "inquiriesPerSet must be at least 1") }
        guard !inquiries.isEmpty else { throw X12Error(.structure, at: X12Location(segmentID: "HL"), "a 276 needs at least one claim") }
        var writer = X12Writer(envelope: envelope)
        writer.lengths = Self.elementLengths
        try writer.begin(functionalID: "HR", version: Self.implementation)
        var control = firstTransactionControlNumber
        for start in stride(from: 0, to: inquiries.count, by: inquiriesPerSet) {
            let number = String(repeating: "0", count: max(0, 4 - String(control).count)) + String(control)
            try writer.beginSet(id: "276", controlNumber: number, implementation: Self.implementation)
            try writer.add("BHT", ["0010", "13", .text(reference), .text(envelope.date.x12), .text(envelope.time.x12)])
            try writer.statusParties(payer: payer, receiver: submitter, provider: provider, providerHasChildren: true)
            var hl = 3
            for inquiry in inquiries[start..<min(start + inquiriesPerSet, inquiries.count)] {
                guard inquiry.subscriber.memberID != nil else {
                    throw X12Error(.structure, at: X12Location(segmentID: "NM1", element: 9), "claim \(inquiry.claimNumber): the subscriber has no member id")
                }
                hl += 1
                try writer.add("HL", [.text(String(hl)), "3", "22", "0"])
                if let birth = inquiry.subscriber.birthDate { try writer.add("DMG", ["D8", .text(birth.value.x12), .text(inquiry.subscriber.gender)]) }
                try writer.memberName("IL", inquiry.subscriber, idQualifier: "MI")
                try writer.add("TRN", ["1", .text(inquiry.trace)])
                if let icn = inquiry.payerClaimNumber { try writer.add("REF", ["1K", .text(icn)]) }
                try writer.add("REF", ["EJ", .text(inquiry.claimNumber)])
                try writer.add("AMT", ["T3", .text(inquiry.charge.x12)])
                try writer.period("472", inquiry.serviceDates)
            }
            try writer.endSet(controlNumber: number)
            control += 1
        }
        return try writer.finish()
    }
}

/// Writes 277 claim status responses (005010X212): for the payer simulator and round trips.
extension ClaimStatusResponse {
    /// One interchange with one functional group (GS01 `HN`).
    public static func x12(_ responses: [ClaimStatusResponse], envelope: InterchangeEnvelope) throws(X12Error) -> [UInt8] {
        var writer = X12Writer(envelope: envelope)
        writer.lengths = ClaimStatusInquiryBatch.elementLengths
        try writer.begin(functionalID: "HN", version: ClaimStatusInquiryBatch.implementation)
        for response in responses {
            try writer.beginSet(id: "277", controlNumber: response.controlNumber, implementation: ClaimStatusInquiryBatch.implementation)
            try writer.add("BHT", ["0010", "08", .text(response.reference), .text(response.date?.x12), "", "DG"])
            try writer.statusParties(payer: response.payer, receiver: response.receiver, provider: response.provider, providerHasChildren: !response.claims.isEmpty)
            var hl = 3
            for claim in response.claims {
                hl += 1
                try writer.add("HL", [.text(String(hl)), "3", "22", "0"])
                try writer.memberName("IL", claim.member, idQualifier: "MI")
                try writer.add("TRN", ["2", .text(claim.trace)])
                for status in claim.statuses {
                    try writer.add("STC", [.composite([status.category, status.code, status.entity]), .text(status.date?.x12), .text(status.action),
                                           .text(status.amount?.x12)])
                }
                if let icn = claim.payerClaimNumber { try writer.add("REF", ["1K", .text(icn)]) }
                if let number = claim.claimNumber { try writer.add("REF", ["EJ", .text(number)]) }
                if let dates = claim.serviceDates { try writer.period("472", dates) }
            }
            try writer.endSet(controlNumber: response.controlNumber)
        }
        return try writer.finish()
    }
}

extension X12Writer {
    /// HL 20 (payer), 21 (receiver), 19 (provider) of a 276 or 277.
    mutating func statusParties(payer: InformationSource, receiver: InformationSource, provider: InformationReceiver, providerHasChildren: Bool) throws(X12Error) {
        try add("HL", ["1", "", "20", "1"])
        try add("NM1", ["PR", "2", .text(payer.name), "", "", "", "", "PI", .text(payer.id)])
        try add("HL", ["2", "1", "21", "1"])
        try add("NM1", ["41", "2", .text(receiver.name), "", "", "", "", "46", .text(receiver.id)])
        try add("HL", ["3", "2", "19", providerHasChildren ? "1" : "0"])
        let name = provider.name
        try add("NM1", ["1P", .text(provider.entityType), .text(name.last), .text(name.first), "", "", "", "XX", .text(provider.id)])
    }
}
