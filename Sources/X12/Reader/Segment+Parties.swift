extension Segment {
    /// An NM1 as a party. Names and ids are PHI and never appear in messages.
    ///
    /// `nameRequired` false reads a missing NM103 as an empty last name: the guides make NM103 situational
    /// for some entities (an 835's corrected insured NM1*74 that corrects only a middle initial, a rendering
    /// provider NM1*82 given by its NPI alone).
    func party(nameRequired: Bool = true) throws(X12Error) -> Party {
        let entity = try required(1, "NM101 (entity identifier)")
        let last = element(3) ?? (nameRequired ? nil : "")
        guard let last else {
            throw X12Error(.structure, at: location(3), "NM103 (last or organisation name) is missing")
        }
        var party = Party(entity: entity, entityType: element(2) ?? "1",
                          name: PersonName(last: last, first: element(4), middle: element(5), suffix: element(7)),
                          idQualifier: element(8), id: element(9))
        if party.idQualifier != nil, party.id == nil {
            throw X12Error(.structure, at: location(9), "NM109 (identifier) is missing although NM108 gives a qualifier")
        }
        party.entityType = element(2) ?? "1"
        return party
    }

    /// N3 and the following N4 as an address, when `next` is an N4.
    func address(n4: Segment?) throws(X12Error) -> Address {
        let line1 = try required(1, "N301 (address)")
        guard let n4, n4.is("N4") else {
            throw X12Error(.structure, at: location(), "N3 must be followed by N4")
        }
        return Address(line1: line1, line2: element(2), city: try n4.required(1, "N401 (city)"),
                       state: n4.element(2), postalCode: n4.element(3))
    }

    /// CAS triples as adjustments. A group (CAS01) outside `groups` is a warning, `CR` named as the 4010 corrections
    /// group (the 835 refuses it at posting); each reason code outside the CARC list (code source 139) is a warning.
    func adjustments(groups: [String] = Adjustment.groups.sorted(), warnings: inout [X12Warning]) throws(X12Error) -> [Adjustment] {
        let group = try required(1, "CAS01 (adjustment group)")
        if !groups.contains(group) {
            let shown = Self.shownCode(bytes(1), maxLength: 3)
            let allowed = groups.joined(separator: ", ")
            warnings.append(X12Warning(
                at: location(1),
                group == "CR"
                    ? "CAS01 \(shown) (corrections and reversals) is a 4010 group; 5010 allows \(allowed) here"
                    : "CAS01 \(shown) is not an adjustment group (\(allowed))"))
        }
        var result: [Adjustment] = []
        var position = 2
        while position <= 17 {
            if let reason = element(position) {
                checkCode(reason, at: position, in: .adjustmentReasons, warnings: &warnings)
                let amount = try requiredAmount(position + 1, "the amount for reason \(quoted(bytes(position)))")
                result.append(Adjustment(group: group, reason: reason, amount: amount, quantity: try quantity(position + 2)))
            } else if !bytes(position + 1).isEmpty {
                throw X12Error(.structure, at: location(position), "an amount is given without a reason code")
            }
            position += 3
        }
        guard !result.isEmpty else {
            throw X12Error(.structure, at: location(2), "CAS02 (reason code) is missing")
        }
        if elementCount > 19 {
            throw X12Error(.structure, at: location(20), "CAS holds at most six reason/amount/quantity triples")
        }
        return result
    }
}
