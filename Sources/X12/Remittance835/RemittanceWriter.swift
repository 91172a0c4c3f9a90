/// Writes 835 transaction sets (005010X221A1), for payer simulators and benchmarks.
extension Remittance {
    /// The implementation reference written in GS08 and ST03.
    public static let implementation = "005010X221A1"

    /// One interchange with one functional group (GS01 `HP`) holding `remittances`, one transaction set each.
    public static func x12(_ remittances: [Remittance], envelope: InterchangeEnvelope) throws(X12Error) -> [UInt8] {
        var writer = X12Writer(envelope: envelope)
        try writer.begin(functionalID: "HP", version: implementation)
        for remittance in remittances { try remittance.write(to: &writer) }
        return try writer.finish()
    }

    func write(to writer: inout X12Writer) throws(X12Error) {
        try writer.beginSet(id: "835", controlNumber: controlNumber, implementation: Self.implementation)
        let p = payment
        var bank: [Field] = ["", "", "", "", "", "", "", "", "", ""]
        if let t = p.transfer {
            bank = [.text(t.senderBank.bankQualifier), .text(t.senderBank.bank), .text(t.senderBank.accountQualifier), .text(t.senderBank.account),
                    .text(t.originatingCompanyID), .text(t.originatingCompanySupplementalCode), .text(t.receiverBank.bankQualifier),
                    .text(t.receiverBank.bank), .text(t.receiverBank.accountQualifier), .text(t.receiverBank.account)]
        }
        try writer.add("BPR", [.text(p.handlingCode), .text(p.amount.x12), .text(p.creditDebit), .text(p.method), .text(p.format)]
                       + bank + [.text(p.date?.x12)])
        try writer.add("TRN", ["1", .text(trace.number), .text(trace.originatorID), .text(trace.supplementalCode)])
        if let receiverID { try writer.add("REF", ["EV", .text(receiverID)]) }
        if let productionDate { try writer.add("DTM", ["405", .text(productionDate.x12)]) }
        try writer.add("N1", ["PR", .text(payer.name)])
        if let address = payer.address { try writer.address(address) }
        if let identifier = payer.identifier { try writer.add("REF", ["2U", .text(identifier)]) }
        try writer.add("N1", ["PE", .text(payee.name), .text(payee.idQualifier), .text(payee.id)])
        if let address = payee.address { try writer.address(address) }
        for reference in payee.references { try writer.add("REF", [.text(reference.qualifier), .text(reference.value)]) }
        if !claims.isEmpty { try writer.add("LX", ["1"]) }
        for claim in claims { try write(claim, to: &writer) }
        for plb in providerAdjustments {
            var fields: [Field] = [.text(plb.providerID), .text(plb.fiscalPeriodDate.x12)]
            for item in plb.items.prefix(6) {
                fields += [.composite([item.reason, item.reference]), .text(item.amount.x12)]
            }
            try writer.add("PLB", fields)
        }
        try writer.endSet(controlNumber: controlNumber)
    }

    private func write(_ claim: ClaimPayment, to writer: inout X12Writer) throws(X12Error) {
        try writer.add("CLP", [.text(claim.patientControlNumber), .text(claim.status), .text(claim.charge.x12), .text(claim.paid.x12),
                               .text(claim.patientResponsibility.x12), .text(claim.filingIndicator), .text(claim.payerClaimNumber),
                               .text(claim.facilityCode), .text(claim.frequency)])
        try writer.adjustments(claim.adjustments)
        for party in [claim.patient, claim.insured, claim.renderingProvider].compactMap({ $0 }) + claim.otherParties {
            let name = party.name.value
            try writer.add("NM1", [.text(party.entity), .text(party.entityType), .text(name.last), .text(name.first), .text(name.middle),
                                   "", .text(name.suffix), .text(party.idQualifier), .text(party.id?.value)])
        }
        if !claim.remarkCodes.isEmpty {
            try writer.add("MOA", ["", ""] + claim.remarkCodes.prefix(5).map { Field.text($0) })
        }
        for reference in claim.references { try writer.add("REF", [.text(reference.qualifier), .text(reference.value)]) }
        for date in claim.dates { try writer.add("DTM", [.text(date.qualifier), .text(date.period.start.x12)]) }
        for amount in claim.amounts { try writer.add("AMT", [.text(amount.qualifier), .text(amount.amount.x12)]) }
        for line in claim.lines {
            try writer.add("SVC", [.composite(line.procedure.components), .text(line.charge.x12), .text(line.paid.x12),
                                   .text(line.revenueCode), .text(line.units?.x12),
                                   line.submittedProcedure.map { .composite($0.components) } ?? .text(nil),
                                   .text(line.originalUnits?.x12)])
            for date in line.dates { try writer.add("DTM", [.text(date.qualifier), .text(date.period.start.x12)]) }
            try writer.adjustments(line.adjustments)
            if let control = line.lineControlNumber { try writer.add("REF", ["6R", .text(control)]) }
            for reference in line.references { try writer.add("REF", [.text(reference.qualifier), .text(reference.value)]) }
            if let allowed = line.allowed { try writer.add("AMT", ["B6", .text(allowed.x12)]) }
            for amount in line.amounts { try writer.add("AMT", [.text(amount.qualifier), .text(amount.amount.x12)]) }
            for remark in line.remarkCodes { try writer.add("LQ", ["HE", .text(remark)]) }
        }
    }
}

extension X12Writer {
    /// CAS segments: one per group, six triples at most each, in the order the groups first appear.
    mutating func adjustments(_ adjustments: [Adjustment]) throws(X12Error) {
        var groups: [String] = []
        for adjustment in adjustments where !groups.contains(adjustment.group) { groups.append(adjustment.group) }
        for group in groups {
            let items = adjustments.filter { $0.group == group }
            for start in stride(from: 0, to: items.count, by: 6) {
                var fields: [Field] = [.text(group)]
                for item in items[start..<min(start + 6, items.count)] {
                    fields += [.text(item.reason), .text(item.amount.x12), .text(item.quantity?.x12)]
                }
                try add("CAS", fields)
            }
        }
    }
}
