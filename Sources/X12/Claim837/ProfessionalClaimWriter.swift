/// Writes an 837P interchange (005010X222A1).
extension ProfessionalClaimInterchange {
    /// The implementation reference written in GS08 and ST03.
    public static let implementation = "005010X222A1"

    /// Minimum and maximum lengths of the elements that carry names, addresses and references, the same in
    /// every loop of 005010X222A1 (NM103 1–60, NM104 1–35, NM109 2–80, N301 1–55, N401 2–30…): a value
    /// outside them is refused rather than written.
    static let elementLengths: [String: ClosedRange<Int>] = [
        "BHT03": 1...50, "NM103": 1...60, "NM104": 1...35, "NM105": 1...25, "NM107": 1...10, "NM109": 2...80,
        "PER02": 1...60, "PER04": 1...256, "N301": 1...55, "N302": 1...55, "N401": 2...30, "N402": 2...2,
        "N403": 3...15, "REF02": 1...50, "SBR03": 1...50, "SBR04": 1...60, "PRV03": 10...10, "CLM01": 1...38,
    ]

    /// The interchange as X12 bytes. Throws when a claim breaks a rule the file cannot carry (CLM01 longer than 20,
    /// more than 12 diagnoses, frequency 7/8 without REF*F8, CLM02 ≠ Σ SV102, a pointer to no diagnosis, a value
    /// holding a separator).
    public func x12() throws(X12Error) -> [UInt8] {
        var writer = X12Writer(envelope: envelope)
        writer.lengths = Self.elementLengths
        try writer.begin(functionalID: "HC", version: Self.implementation)
        try writer.beginSet(id: "837", controlNumber: transactionControlNumber, implementation: Self.implementation)
        try writer.add("BHT", ["0019", .text(purpose), .text(batchReference), .text(envelope.date.x12),
                               .text(envelope.time.x12), .text(claimOrEncounter)])
        try writer.add("NM1", ["41", "2", .text(submitter.name), "", "", "", "", "46", .text(submitter.etin)])
        try writer.add("PER", ["IC", .text(submitter.contactName), "TE", .text(submitter.phone)])
        try writer.add("NM1", ["40", "2", .text(receiver.name), "", "", "", "", "46", .text(receiver.id)])
        var hl = 0
        for provider in billingProviders {
            hl += 1
            let providerHL = hl
            try writer.add("HL", [.text(String(hl)), "", "20", "1"])
            if let taxonomy = provider.taxonomy { try writer.add("PRV", ["BI", "PXC", .text(taxonomy)]) }
            try writer.add("NM1", name("85", provider.entityType, provider.name, "XX", provider.npi))
            try writer.address(provider.address)
            try writer.add("REF", ["EI", .text(provider.taxID)])
            for group in provider.subscribers {
                hl += 1
                let subscriberHL = hl
                try writer.add("HL", [.text(String(hl)), .text(String(providerHL)), "22", group.patient == nil ? "0" : "1"])
                try writer.add("SBR", [.text(group.payerSequence), group.patient == nil ? "18" : "", .text(group.groupNumber),
                                       .text(group.groupName), "", "", "", "", .text(group.filingIndicator)])
                try writer.person("IL", group.subscriber, idQualifier: "MI")
                try writer.add("NM1", ["PR", "2", .text(group.payer.name), "", "", "", "", "PI", .text(group.payer.id)])
                if let patient = group.patient {
                    hl += 1
                    try writer.add("HL", [.text(String(hl)), .text(String(subscriberHL)), "23", "0"])
                    try writer.add("PAT", [.text(patient.relationship)])
                    try writer.person("QC", patient.person, idQualifier: nil)
                }
                for claim in group.claims { try write(claim, to: &writer) }
            }
        }
        try writer.endSet(controlNumber: transactionControlNumber)
        return try writer.finish()
    }

    private func name(_ entity: String, _ type: String, _ name: PersonName, _ qualifier: String, _ id: String) -> [Field] {
        [.text(entity), .text(type), .text(name.last), .text(name.first), .text(name.middle), "", .text(name.suffix),
         .text(qualifier), .text(id)]
    }

    private func write(_ claim: ProfessionalClaim, to writer: inout X12Writer) throws(X12Error) {
        try validate(claim)
        try writer.add("CLM", [.text(claim.claimNumber), .text(claim.totalCharge.x12), "", "",
                               .composite([claim.placeOfService, "B", claim.frequency]), claim.providerSignature ? "Y" : "N",
                               .text(claim.assignment), .text(claim.benefitsAssigned), .text(claim.releaseOfInformation)])
        if let auth = claim.priorAuthorization { try writer.add("REF", ["G1", .text(auth)]) }
        if let original = claim.originalPayerClaimNumber { try writer.add("REF", ["F8", .text(original)]) }
        let codes = claim.diagnoses.enumerated().map { Field.composite([$0.offset == 0 ? "ABK" : "ABF", $0.element]) }
        if !codes.isEmpty { try writer.add("HI", codes) }
        if let rendering = claim.renderingProvider {
            try writer.add("NM1", name("82", "1", rendering.name, "XX", rendering.npi))
            if let taxonomy = rendering.taxonomy { try writer.add("PRV", ["PE", "PXC", .text(taxonomy)]) }
        }
        if let supervising = claim.supervisingProvider {
            try writer.add("NM1", name("DQ", "1", supervising.name, "XX", supervising.npi))
        }
        for other in claim.otherPayers {
            try writer.add("SBR", [.text(other.payerSequence), .text(other.relationship), .text(other.groupNumber),
                                   "", "", "", "", "", .text(other.filingIndicator)])
            try writer.adjustments(other.adjustments)
            if let paid = other.paidAmount { try writer.add("AMT", ["D", .text(paid.x12)]) }
            if let owed = other.remainingPatientLiability { try writer.add("AMT", ["EAF", .text(owed.x12)]) }
            try writer.add("OI", ["", "", "Y", "", "", "Y"])
            try writer.add("NM1", name("IL", "1", other.subscriber.name, "MI", other.subscriber.memberID ?? ""))
            try writer.add("NM1", ["PR", "2", .text(other.payer.name), "", "", "", "", "PI", .text(other.payer.id)])
            // 2330B DTP*573 only when the payer's adjudication is not given line by line (loop 2430 carries it then).
            let byLine = claim.lines.contains { $0.otherPayerAdjudications.contains { $0.payerID == other.payer.id } }
            if let date = other.adjudicationDate, !byLine { try writer.add("DTP", ["573", "D8", .text(date.x12)]) }
        }
        for (index, line) in claim.lines.enumerated() {
            try writer.add("LX", [.text(String(index + 1))])
            try writer.add("SV1", [.composite(line.procedure.components), .text(line.charge.x12), .text(line.unitQualifier),
                                   .text(line.units.x12), .text(line.placeOfService), "",
                                   .composite(line.diagnosisPointers.map(String.init))])
            try writer.period("472", line.serviceDate)
            if let control = line.lineControlNumber { try writer.add("REF", ["6R", .text(control)]) }
            for adjudication in line.otherPayerAdjudications {
                try writer.add("SVD", [.text(adjudication.payerID), .text(adjudication.paid.x12),
                                       .composite(adjudication.procedure.components), "", .text(adjudication.units.x12)])
                try writer.adjustments(adjudication.adjustments)
                try writer.add("DTP", ["573", "D8", .text(adjudication.adjudicationDate.x12)])
                if let owed = adjudication.remainingPatientLiability { try writer.add("AMT", ["EAF", .text(owed.x12)]) }
            }
        }
    }

    private func validate(_ claim: ProfessionalClaim) throws(X12Error) {
        let at = X12Location(segmentID: "CLM", element: 1)
        let id = claim.claimNumber
        guard (1...20).contains(id.utf8.count) else {
            throw X12Error(.value, at: at, "CLM01 \(quoted(Array(id.utf8)[...])) must be 1 to 20 characters")
        }
        guard (1...12).contains(claim.diagnoses.count) else {
            throw X12Error(.value, at: X12Location(segmentID: "HI"), "claim \(id) has \(claim.diagnoses.count) diagnoses; 1 to 12 are required")
        }
        if let bad = claim.diagnoses.first(where: { $0.contains(".") || $0.isEmpty }) {
            throw X12Error(.value, at: X12Location(segmentID: "HI"), "claim \(id): diagnosis \(quoted(Array(bad.utf8)[...])) must be an ICD-10 code without the decimal point")
        }
        if ["7", "8"].contains(claim.frequency), claim.originalPayerClaimNumber == nil {
            throw X12Error(.structure, at: X12Location(segmentID: "REF"), "claim \(id) has frequency \(claim.frequency) but no REF*F8 (the payer's original claim number)")
        }
        guard (1...50).contains(claim.lines.count) else {
            throw X12Error(.structure, at: X12Location(segmentID: "LX"), "claim \(id) has \(claim.lines.count) lines; 1 to 50 are required")
        }
        let sum = claim.lines.map(\.charge).sum()
        guard sum == claim.totalCharge else {
            throw X12Error(.value, at: X12Location(segmentID: "CLM", element: 2), "claim \(id): CLM02 \(claim.totalCharge) ≠ Σ SV102 \(sum)")
        }
        for (index, line) in claim.lines.enumerated() {
            let pointers = line.diagnosisPointers
            guard (1...4).contains(pointers.count), pointers.allSatisfy({ (1...claim.diagnoses.count).contains($0) }) else {
                throw X12Error(.value, at: X12Location(segmentID: "SV1", element: 7),
                               "claim \(id), line \(index + 1): 1 to 4 diagnosis pointers between 1 and \(claim.diagnoses.count) are required")
            }
            guard line.procedure.modifiers.count <= 4 else {
                throw X12Error(.value, at: X12Location(segmentID: "SV1", element: 1), "claim \(id), line \(index + 1): at most 4 modifiers")
            }
        }
    }
}

extension X12Writer {
    /// N3 and N4.
    mutating func address(_ address: Address) throws(X12Error) {
        try add("N3", [.text(address.line1), .text(address.line2)])
        try add("N4", [.text(address.city), .text(address.state), .text(address.postalCode)])
    }

    /// NM1, N3/N4 and DMG for a subscriber or patient.
    mutating func person(_ entity: String, _ person: SubscriberClaims.Person, idQualifier: String?) throws(X12Error) {
        let name = person.name
        try add("NM1", [.text(entity), "1", .text(name.last), .text(name.first), .text(name.middle), "", .text(name.suffix),
                        .text(idQualifier.flatMap { person.memberID == nil ? nil : $0 }), .text(person.memberID)])
        if let address = person.address { try self.address(address) }
        if let birthDate = person.birthDate {
            try add("DMG", ["D8", .text(birthDate.x12), .text(person.gender ?? "U")])
        }
    }

    /// DTP with D8 or RD8.
    mutating func period(_ qualifier: String, _ period: DatePeriod) throws(X12Error) {
        if period.start == period.end {
            try add("DTP", [.text(qualifier), "D8", .text(period.start.x12)])
        } else {
            try add("DTP", [.text(qualifier), "RD8", .text(period.start.x12 + "-" + period.end.x12)])
        }
    }
}
