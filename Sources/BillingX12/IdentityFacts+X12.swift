import Billing
import X12

extension IdentityFacts {
    /// What the scrubber may know of `identity` for the 837P, worked out with the code that writes it
    /// (`X12Text`, `SubmissionIdentity.address`): lengths as written and verdicts on characters, never a value.
    public init(identity: PatientIdentity) {
        var lengths: [Part: Int] = [:]
        var unwritable: Set<Part> = []
        var replaced: Set<Part> = []
        for (part, value) in [(Part.lastName, identity.lastName), (.firstName, identity.firstName), (.memberID, identity.memberID)] {
            guard let text = X12Text(value) else {
                unwritable.insert(part)
                continue
            }
            lengths[part] = text.text.utf8.count
            if text.replacedCharacters { replaced.insert(part) }
        }
        var cityLength: Int?
        var reads = false
        if let text = X12Text(identity.address) {
            if text.replacedCharacters { replaced.insert(.address) }
            if let address = SubmissionIdentity.address(text.text) {
                reads = true
                lengths[.address] = max(address.line1.utf8.count, address.line2?.utf8.count ?? 0)
                cityLength = address.city.utf8.count
            }
        } else {
            unwritable.insert(.address)
        }
        self.init(lengths: lengths, cityLength: cityLength, addressReads: reads, unwritable: unwritable, replaced: replaced)
    }
}
