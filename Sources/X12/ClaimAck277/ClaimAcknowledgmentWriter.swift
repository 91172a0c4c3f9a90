/// Writes 277CA transaction sets (005010X214).
extension ClaimAcknowledgment {
    /// The implementation reference written in GS08 and ST03.
    public static let implementation = "005010X214"

    /// One interchange with one functional group (GS01 `HN`) holding `acknowledgments`.
    public static func x12(_ acknowledgments: [ClaimAcknowledgment], envelope: InterchangeEnvelope) throws(X12Error) -> [UInt8] {
        var writer = X12Writer(envelope: envelope)
        try writer.begin(functionalID: "HN", version: implementation)
        for ack in acknowledgments { try ack.write(to: &writer) }
        return try writer.finish()
    }

    func write(to writer: inout X12Writer) throws(X12Error) {
        try writer.beginSet(id: "277", controlNumber: controlNumber, implementation: Self.implementation)
        try writer.add("BHT", ["0085", "08", .text(reference), .text(date?.x12), .text(time), "TH"])
        var hl = 1
        try writer.add("HL", ["1", "", "20", "1"])
        try writer.entity(source, traceType: "1", level: "20")
        for receiver in receivers {
            hl += 1
            let receiverHL = hl
            try writer.add("HL", [.text(String(hl)), "1", "21", receiver.providers.isEmpty ? "0" : "1"])
            try writer.entity(receiver.entity, traceType: "2", level: "21")
            for provider in receiver.providers {
                hl += 1
                let providerHL = hl
                try writer.add("HL", [.text(String(hl)), .text(String(receiverHL)), "19", provider.claims.isEmpty ? "0" : "1"])
                try writer.entity(provider.entity, traceType: "1", level: "19")
                for claim in provider.claims {
                    hl += 1
                    try writer.add("HL", [.text(String(hl)), .text(String(providerHL)), "PT"])
                    let name = claim.patient.name.value
                    try writer.add("NM1", [.text(claim.patient.entity), .text(claim.patient.entityType), .text(name.last), .text(name.first),
                                           .text(name.middle), "", .text(name.suffix), .text(claim.patient.idQualifier),
                                           .text(claim.patient.id?.value)])
                    try writer.add("TRN", ["2", .text(claim.claimNumber)])
                    for status in claim.statuses { try writer.status(status) }
                    if let value = claim.payerClaimNumber { try writer.add("REF", ["1K", .text(value)]) }
                    if let value = claim.clearinghouseTrace { try writer.add("REF", ["D9", .text(value)]) }
                    if let value = claim.billType { try writer.add("REF", ["BLT", .text(value)]) }
                    if let period = claim.serviceDate { try writer.period("472", period) }
                    for line in claim.lines {
                        try writer.add("SVC", [.composite(line.procedure.components), .text(line.charge.x12), "", .text(line.revenueCode),
                                               "", "", .text(line.units?.x12)])
                        for status in line.statuses { try writer.status(status) }
                        if let control = line.lineControlNumber { try writer.add("REF", ["FJ", .text(control)]) }
                        if let period = line.serviceDate { try writer.period("472", period) }
                    }
                }
            }
        }
        try writer.endSet(controlNumber: controlNumber)
    }
}

extension X12Writer {
    /// NM1, TRN, STC, QTY, AMT and DTP of a 277CA level (HL03 `level`): the counts are QTY*90/AA at the receiver
    /// (loop 2200B) and QTY*QA/QC at the billing provider (2200C).
    mutating func entity(_ entity: ClaimAcknowledgment.Entity, traceType: String, level: String) throws(X12Error) {
        let name = entity.name
        try add("NM1", [.text(entity.entity), .text(entity.entityType), .text(name.last), .text(name.first), .text(name.middle), "",
                        .text(name.suffix), .text(entity.idQualifier), .text(entity.id)])
        if let trace = entity.trace { try add("TRN", [.text(traceType), .text(trace)]) }
        for date in entity.dates { try period(date.qualifier, date.period) }
        for status in entity.statuses { try self.status(status) }
        if let count = entity.acceptedCount { try add("QTY", [level == "19" ? "QA" : "90", .text(String(count))]) }
        if let count = entity.rejectedCount { try add("QTY", [level == "19" ? "QC" : "AA", .text(String(count))]) }
        if let amount = entity.acceptedAmount { try add("AMT", ["YU", .text(amount.x12)]) }
        if let amount = entity.rejectedAmount { try add("AMT", ["YY", .text(amount.x12)]) }
    }

    /// STC.
    mutating func status(_ status: StatusInfo) throws(X12Error) {
        var fields: [Field] = [.composite([status.category, status.code, status.entity]), .text(status.date?.x12), .text(status.action),
                               .text(status.amount?.x12)]
        if !status.additional.isEmpty {
            fields += ["", "", "", "", "", .composite(status.additional[0])]
            if status.additional.count > 1 { fields.append(.composite(status.additional[1])) }
        }
        try add("STC", fields)
    }
}
