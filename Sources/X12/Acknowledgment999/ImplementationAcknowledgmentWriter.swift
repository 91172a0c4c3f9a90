/// Writes 999 transaction sets (005010X231A1) and TA1 segments.
extension ImplementationAcknowledgment {
    /// The implementation reference written in GS08 and ST03.
    public static let implementation = "005010X231A1"

    /// One interchange with one functional group (GS01 `FA`) holding `acknowledgments`.
    public static func x12(_ acknowledgments: [ImplementationAcknowledgment], envelope: InterchangeEnvelope) throws(X12Error) -> [UInt8] {
        var writer = X12Writer(envelope: envelope)
        try writer.begin(functionalID: "FA", version: implementation)
        for ack in acknowledgments { try ack.write(to: &writer) }
        return try writer.finish()
    }

    func write(to writer: inout X12Writer) throws(X12Error) {
        try writer.beginSet(id: "999", controlNumber: controlNumber, implementation: Self.implementation)
        try writer.add("AK1", [.text(groupFunctionalID), .text(groupControlNumber), .text(groupVersion)])
        for set in transactionSets {
            try writer.add("AK2", [.text(set.setID), .text(set.controlNumber), .text(set.implementation)])
            for error in set.segmentErrors {
                try writer.add("IK3", [.text(error.segmentID), .text(String(error.position)), .text(error.loopID), .text(error.code)])
                for context in error.contexts {
                    try writer.add("CTX", [.composite([context.name, context.reference]), .text(context.segmentID),
                                           .text(context.segmentPosition.map(String.init))])
                }
                for element in error.elementErrors {
                    try writer.add("IK4", [.composite([String(element.position), element.componentPosition.map(String.init)]),
                                           .text(element.elementReference), .text(element.code), .text(element.badValue?.value)])
                }
            }
            try writer.add("IK5", [.text(set.result)] + set.errorCodes.prefix(5).map { Field.text($0) })
        }
        let result = groupResult
        try writer.add("AK9", [.text(result.code), .text(String(result.includedCount)), .text(String(result.receivedCount)),
                               .text(String(result.acceptedCount))] + result.errorCodes.prefix(5).map { Field.text($0) })
        try writer.endSet(controlNumber: controlNumber)
    }
}

extension InterchangeAcknowledgment {
    /// An interchange holding only this TA1 (no functional group).
    public func x12(envelope: InterchangeEnvelope) throws(X12Error) -> [UInt8] {
        var writer = X12Writer(envelope: envelope)
        try writer.beginInterchange()
        try writer.add("TA1", [.text(controlNumber), .text(date), .text(time), .text(acknowledgmentCode), .text(noteCode)])
        return try writer.finishInterchange(groups: 0)
    }
}
