extension Scrubber {
    /// Whether the 837P can carry the patient's identity (005010X222A1): a member id, names and an address that
    /// fit their elements, in characters X12 has. Works on facts about the identity, never on the identity, so
    /// no message can hold a name or an id.
    static func identityFindings(_ claim: Claim.State, _ context: ScrubContext) -> [ScrubFinding] {
        guard let facts = context.identity else { return [] }
        var out: [ScrubFinding] = []
        for part in facts.unwritable.sorted() {
            out.append(
                finding(
                    "MH034", nil,
                    "The patient's \(part.rawValue) holds a character X12 cannot carry (a letter of another alphabet, an emoji, a control character or one of * : ^ ~); enter it as the payer has it on file."
                ))
        }
        // 2010BA NM109 is the subscriber's id: the patient's own member id when the patient is the subscriber.
        let coverage = claim.payerID.flatMap { payer in
            context.patient.coverages.values.filter { $0.payerID == payer }.min { $0.order < $1.order }
        }
        let subscriberIsPatient = (coverage?.relation ?? .self) == .self
        if subscriberIsPatient, !facts.unwritable.contains(.memberID) {
            let length = facts.lengths[.memberID] ?? 0
            if length == 0 {
                out.append(
                    finding(
                        "MH032", nil,
                        "The patient has no member id on file; the 837P requires the subscriber's member id (2010BA NM109)."))
            } else if !(2...80).contains(length) {
                out.append(
                    finding(
                        "MH032", nil,
                        "The patient's member id is \(length < 2 ? "shorter than 2" : "longer than 80") characters; the 837P requires 2 to 80 (2010BA NM109)."
                    ))
            }
        }
        let limits: [(IdentityFacts.Part, String, ClosedRange<Int>)] = [
            (.lastName, "NM103", 1...60), (.firstName, "NM104", 0...35), (.address, "N301", 0...55),
        ]
        for (part, element, limit) in limits where !facts.unwritable.contains(part) {
            let length = facts.lengths[part] ?? 0
            if length < limit.lowerBound {
                out.append(
                    finding("MH033", nil, "The patient has no \(part.rawValue) on file; the 837P requires one (\(element))."))
            } else if length > limit.upperBound {
                out.append(
                    finding(
                        "MH033", nil,
                        "The patient's \(part.rawValue) is longer than the \(limit.upperBound) characters the 837P allows (\(element)); enter it as the payer has it on file."
                    ))
            }
        }
        if !facts.unwritable.contains(.address) {
            if !facts.addressReads {
                out.append(
                    finding(
                        "MH036", nil,
                        "The patient's address does not read as street, city, two-letter state and ZIP (\"12 Oak St, Springfield, IL 62701\"); the 837P needs it for N3/N4."
                    ))
            } else if let city = facts.cityLength, !(2...30).contains(city) {
                out.append(
                    finding(
                        "MH033", nil,
                        "The city of the patient's address is \(city < 2 ? "shorter than 2" : "longer than 30") characters; the 837P allows 2 to 30 (N401)."
                    ))
            }
        }
        for part in facts.replaced.subtracting(facts.unwritable).sorted() {
            out.append(
                finding(
                    "MH035", nil,
                    "The patient's \(part.rawValue) is written in the 837P with accents and typographic marks replaced by plain characters (é as e, ’ as '); check that the payer has it so."
                ))
        }
        return out
    }
}
