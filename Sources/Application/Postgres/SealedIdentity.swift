import Billing
import Foundation

/// The plain text of a sealed identity: JSON with camelCase keys, sealed whole.
struct SealedIdentity: Codable {
    var firstName: String
    var lastName: String
    var dateOfBirth: String
    var address: String
    var phone: String
    var memberID: String
    var subscriberID: String?

    init(_ identity: PatientIdentity) {
        firstName = identity.firstName
        lastName = identity.lastName
        dateOfBirth = identity.dateOfBirth.description
        address = identity.address
        phone = identity.phone
        memberID = identity.memberID
        subscriberID = identity.subscriberID
    }

    func bytes() throws -> [UInt8] { [UInt8](try JSONEncoder().encode(self)) }

    static func decode(_ bytes: [UInt8]) throws -> SealedIdentity { try JSONDecoder().decode(SealedIdentity.self, from: Data(bytes)) }

    var identity: PatientIdentity {
        get throws {
            guard let date = LocalDate(dateOfBirth) else { throw SealingError("a sealed identity holds a date of birth that does not read") }
            return PatientIdentity(
                firstName: firstName, lastName: lastName, dateOfBirth: date, address: address, phone: phone, memberID: memberID, subscriberID: subscriberID)
        }
    }
}
