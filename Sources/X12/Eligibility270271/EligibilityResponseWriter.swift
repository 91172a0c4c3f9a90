/// Writes 271 transaction sets (005010X279A1): for the payer simulator and round trips.
extension EligibilityResponse {
    /// The implementation reference written in GS08 and ST03.
    public static let implementation = EligibilityInquiryBatch.implementation

    /// One interchange with one functional group (GS01 `HB`) holding `responses`.
    public static func x12(_ responses: [EligibilityResponse], envelope: InterchangeEnvelope) throws(X12Error) -> [UInt8] {
        var writer = X12Writer(envelope: envelope)
        writer.lengths = EligibilityInquiryBatch.elementLengths
        try writer.begin(functionalID: "HB", version: implementation)
        for response in responses { try response.write(to: &writer) }
        return try writer.finish()
    }

    func write(to writer: inout X12Writer) throws(X12Error) {
        try writer.beginSet(id: "271", controlNumber: controlNumber, implementation: Self.implementation)
        try writer.add("BHT", ["0022", "11", .text(reference), .text(date?.x12), .text(time)])
        try writer.add("HL", ["1", "", "20", receivers.isEmpty ? "0" : "1"])
        for rejection in sourceRejections { try writer.rejection(rejection) }
        try writer.add("NM1", [.text(source.entity), "2", .text(source.name), "", "", "", "", .text(source.idQualifier), .text(source.id)])
        var hl = 1
        for receiver in receivers {
            hl += 1
            let receiverHL = hl
            try writer.add("HL", [.text(String(hl)), "1", "21", receiver.subscribers.isEmpty ? "0" : "1"])
            let r = receiver.receiver
            try writer.add("NM1", [.text(r.entity), .text(r.entityType), .text(r.name.last), .text(r.name.first), .text(r.name.middle), "",
                                   .text(r.name.suffix), .text(r.idQualifier), .text(r.id)])
            for rejection in receiver.rejections { try writer.rejection(rejection) }
            for subscriber in receiver.subscribers {
                hl += 1
                let subscriberHL = hl
                try writer.add("HL", [.text(String(hl)), .text(String(receiverHL)), "22", subscriber.dependents.isEmpty ? "0" : "1"])
                try writer.memberEligibility(subscriber, entity: "IL")
                for dependent in subscriber.dependents {
                    hl += 1
                    try writer.add("HL", [.text(String(hl)), .text(String(subscriberHL)), "23", "0"])
                    try writer.memberEligibility(dependent, entity: "03")
                }
            }
        }
        try writer.endSet(controlNumber: controlNumber)
    }
}

extension X12Writer {
    /// AAA.
    mutating func rejection(_ rejection: RequestRejection) throws(X12Error) {
        try add("AAA", [rejection.valid ? "Y" : "N", "", .text(rejection.reason), .text(rejection.followUp)])
    }

    /// REF.
    mutating func reference(_ reference: QualifiedReference) throws(X12Error) {
        try add("REF", [.text(reference.qualifier), .text(reference.value.value), .text(reference.description)])
    }

    /// Loops 2000C/D after their HL: TRN, NM1, REF, AAA, DMG, INS, DTP, then each EB with its loops.
    mutating func memberEligibility(_ member: MemberEligibility, entity: String) throws(X12Error) {
        for trace in member.traces {
            try add("TRN", [.text(trace.type), .text(trace.number), .text(trace.originator), .text(trace.secondary)])
        }
        // 2100C/D order: NM1, REF, (N3, N4), AAA, (PRV), DMG, INS, (HI), DTP.
        try memberName(entity, member.member, idQualifier: entity == "IL" ? "MI" : nil)
        for reference in member.references { try self.reference(reference) }
        for rejection in member.rejections { try self.rejection(rejection) }
        try demographics(member.member)
        if let relationship = member.relationship { try add("INS", [entity == "IL" ? "Y" : "N", .text(relationship)]) }
        for date in member.dates { try period(date.qualifier, date.period) }
        for benefit in member.benefits {
            try add("EB", [.text(benefit.code), .text(benefit.coverageLevel),
                           .repeated(benefit.serviceTypes),
                           .text(benefit.insuranceType), .text(benefit.planDescription), .text(benefit.timePeriod), .text(benefit.amount?.x12),
                           .text(benefit.percent?.x12), .text(benefit.quantityQualifier), .text(benefit.quantity?.x12),
                           .text(benefit.authorizationRequired), .text(benefit.inNetwork),
                           benefit.procedure.map { .composite($0.components) } ?? ""])
            for delivery in benefit.deliveries {
                try add("HSD", [.text(delivery.quantityQualifier), .text(delivery.quantity?.x12), .text(delivery.unit),
                                .text(delivery.sampleSize?.x12), .text(delivery.timePeriod), .text(delivery.periods?.x12)])
            }
            for reference in benefit.references { try self.reference(reference) }
            for date in benefit.dates { try period(date.qualifier, date.period) }
            for rejection in benefit.rejections { try self.rejection(rejection) }
            for message in benefit.messages { try add("MSG", [.text(message)]) }
            if !benefit.relatedEntities.isEmpty {
                try add("LS", ["2120"])
                for related in benefit.relatedEntities {
                    let name = related.name
                    try add("NM1", [.text(related.entity), .text(related.entityType), .text(name.last), .text(name.first), .text(name.middle),
                                    "", .text(name.suffix), .text(related.idQualifier), .text(related.id)])
                }
                try add("LE", ["2120"])
            }
        }
    }
}
