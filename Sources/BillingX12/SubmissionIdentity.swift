import Billing
import Foundation
import X12

/// Turns PHI-store identities and domain codes into the 837P's person loops and codes.
enum SubmissionIdentity {
    /// NM1/N3/N4/DMG values for a subscriber (with `memberID`, required in 2010BA and 2330A) or a dependent
    /// patient (without), each value as X12 carries it (`X12Text`: trimmed, accents and typographic marks made
    /// plain). Refused, naming the claim and the part but never the value, when a part has a character X12
    /// cannot carry, the member id is empty, or the address is needed (the patient's: 2010BA when the patient is
    /// the subscriber, 2010CA) but does not read as street, city, state and ZIP. The scrubber's MH032–MH036
    /// keep such claims home; this is the last guard, so that no invalid file is written.
    static func person(
        _ identity: PatientIdentity, claim: ClaimNumber, memberID: String?, requireAddress: Bool
    ) throws(SubmissionError) -> SubscriberClaims.Person {
        func text(_ part: IdentityFacts.Part, _ value: String) throws(SubmissionError) -> String {
            guard let text = X12Text(value) else { throw .unwritableIdentity(claim, part) }
            return text.text
        }
        let last = try text(.lastName, identity.lastName)
        let first = try text(.firstName, identity.firstName)
        var id: String?
        if let memberID {
            id = try text(.memberID, memberID)
            guard id?.isEmpty == false else { throw .missingMemberID(claim) }
        }
        let written = address(try text(.address, identity.address))
        if requireAddress, written == nil { throw .unreadableAddress(claim) }
        return SubscriberClaims.Person(
            name: PersonName(last: last, first: first.isEmpty ? nil : first), memberID: id,
            birthDate: identity.dateOfBirth.x12Date, gender: "U", address: written)
    }

    /// Reads `"line1, city, ST 12345-6789"` (or with a second line before the city); nil when it has another
    /// shape, and the N3/N4 are then left out rather than guessed.
    static func address(_ text: String) -> Address? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 3 || parts.count == 4 else { return nil }
        let stateZip = parts[parts.count - 1].split(separator: " ").map(String.init)
        guard stateZip.count == 2, stateZip[0].count == 2 else { return nil }
        let zip = stateZip[1].filter { $0 != "-" }
        guard zip.count == 5 || zip.count == 9, zip.allSatisfy(\.isNumber) else { return nil }
        return Address(
            line1: parts[0], line2: parts.count == 4 ? parts[1] : nil, city: parts[parts.count - 2],
            state: stateZip[0], postalCode: zip)
    }

    /// SBR01: `P`, `S` or `T`.
    static func sequence(_ order: PayerOrder) -> String {
        switch order {
        case .primary: "P"
        case .secondary: "S"
        case .tertiary: "T"
        }
    }

    /// PAT01 / SBR02 individual relationship code: `18` self, `01` spouse, `19` child, `G8` other.
    static func relationship(_ relation: SubscriberRelation) -> String {
        switch relation {
        case .self: "18"
        case .spouse: "01"
        case .child: "19"
        case .other: "G8"
        }
    }
}
