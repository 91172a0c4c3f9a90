/// Typed transactions from a read file.
extension X12File {
    /// Every 835 transaction set as a remittance, in file order, with the warnings noticed while reading them.
    public func remittances() throws(X12Error) -> (remittances: [Remittance], warnings: [X12Warning]) {
        var result: [Remittance] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "835" {
            try checkImplementation(set, expected: "005010X221A1", warnings: &warnings)
            var parser = RemittanceParser(segments: segments(of: set))
            result.append(try parser.parse())
            warnings += parser.warnings
        }
        return (result, warnings)
    }

    /// A warning when ST03/GS08 is not the implementation guide we read.
    func checkImplementation(_ set: TransactionSet, expected: String, warnings: inout [X12Warning]) throws(X12Error) {
        if set.implementation != expected {
            let st = Segment(store: store, index: set.segmentIndices.lowerBound, separators: set.separators)
            warnings.append(X12Warning(
                at: st.location(3),
                "transaction set \(set.controlNumber) declares \(quoted(Array(set.implementation.utf8)[...])); this reader follows \(expected)"))
        }
    }
}

extension X12File {
    /// Every 999 transaction set, in file order, with warnings.
    public func implementationAcknowledgments() throws(X12Error) -> (acknowledgments: [ImplementationAcknowledgment], warnings: [X12Warning]) {
        var result: [ImplementationAcknowledgment] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "999" {
            try checkImplementation(set, expected: "005010X231A1", warnings: &warnings)
            var parser = ImplementationAcknowledgmentParser(segments: segments(of: set))
            result.append(try parser.parse())
            warnings += parser.warnings
        }
        return (result, warnings)
    }

    /// Every 277CA transaction set, in file order, with warnings. A 277 claim status response (005010X212) is read by
    /// `claimStatusResponses()`.
    public func claimAcknowledgments() throws(X12Error) -> (acknowledgments: [ClaimAcknowledgment], warnings: [X12Warning]) {
        var result: [ClaimAcknowledgment] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "277" && set.implementation != ClaimStatusInquiryBatch.implementation {
            try checkImplementation(set, expected: "005010X214", warnings: &warnings)
            var parser = ClaimAcknowledgmentParser(segments: segments(of: set))
            result.append(try parser.parse())
            warnings += parser.warnings
        }
        return (result, warnings)
    }

    /// Every TA1 in the file.
    public var interchangeAcknowledgments: [InterchangeAcknowledgment] {
        interchanges.flatMap(\.interchangeAcknowledgments)
    }
}

extension X12File {
    /// Every 837 transaction set as an interchange of professional claims, with warnings (an implementation
    /// other than 005010X222A1, ICD-9 qualifiers, NPIs failing their check digit, CLM02 ≠ Σ SV102, separators
    /// that differ from ISA16).
    public func professionalClaims() throws(X12Error) -> (interchanges: [ProfessionalClaimInterchange], warnings: [X12Warning]) {
        var result: [ProfessionalClaimInterchange] = []
        var warnings: [X12Warning] = []
        let lineBreaks = store.count > 0 && Int(store.segmentEnds[0]) + 1 < store.buffer.count
            && Lexer.isSpace(store.buffer[Int(store.segmentEnds[0]) + 1])
        for interchange in interchanges {
            for group in interchange.groups {
                for set in group.transactionSets where set.id == "837" {
                    try checkImplementation(set, expected: ProfessionalClaimInterchange.implementation, warnings: &warnings)
                    if group.version != set.implementation {
                        let gs = Segment(store: store, index: group.segmentNumber - 1, separators: set.separators)
                        warnings.append(X12Warning(at: gs.location(8), "GS08 \(quoted(gs.bytes(8))) differs from ST03"))
                    }
                    let envelope = InterchangeEnvelope(
                        senderQualifier: interchange.senderQualifier, senderID: interchange.senderID,
                        receiverQualifier: interchange.receiverQualifier, receiverID: interchange.receiverID,
                        applicationSender: group.applicationSender, applicationReceiver: group.applicationReceiver,
                        date: group.date ?? .placeholder,
                        time: X12Time(x12: group.time) ?? .midnight,
                        interchangeControlNumber: Int(interchange.controlNumber) ?? 0,
                        groupControlNumber: Int(group.controlNumber) ?? 0, usage: interchange.usage,
                        acknowledgmentRequested: interchange.acknowledgmentRequested, separators: interchange.separators,
                        lineBreaks: lineBreaks)
                    var parser = ProfessionalClaimParser(segments: segments(of: set), envelope: envelope)
                    result.append(try parser.parse())
                    warnings += parser.warnings
                }
            }
        }
        return (result, warnings)
    }
}
