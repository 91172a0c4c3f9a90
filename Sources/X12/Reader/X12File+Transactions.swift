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

    /// Every 277CA transaction set, in file order, with warnings.
    public func claimAcknowledgments() throws(X12Error) -> (acknowledgments: [ClaimAcknowledgment], warnings: [X12Warning]) {
        var result: [ClaimAcknowledgment] = []
        var warnings: [X12Warning] = []
        for set in transactionSets where set.id == "277" {
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
