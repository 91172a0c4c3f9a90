/// Loop 2000B (with 2000C when the patient is not the subscriber): one subscriber, their payer, and the claims.
public struct SubscriberClaims: Sendable, Hashable, Codable {
    /// SBR01: `P` primary, `S` secondary, `T` tertiary…
    public var payerSequence: String
    /// SBR03: group or policy number.
    public var groupNumber: String?
    /// SBR04: group name.
    public var groupName: String?
    /// SBR09: claim filing indicator (`CI`, `BL`, `MB`, `MC`, `HM`, `12`…).
    public var filingIndicator: String
    /// Loop 2010BA.
    public var subscriber: Person
    /// Loop 2010BB.
    public var payer: Payer
    /// Loop 2000C: present only when the patient is not the subscriber (SBR02 is then empty; else `18`).
    public var patient: Patient?
    /// Loop 2300.
    public var claims: [ProfessionalClaim]

    /// A subscriber loop.
    public init(payerSequence: String = "P", groupNumber: String? = nil, groupName: String? = nil, filingIndicator: String,
                subscriber: Person, payer: Payer, patient: Patient? = nil, claims: [ProfessionalClaim]) {
        self.payerSequence = payerSequence
        self.groupNumber = groupNumber
        self.groupName = groupName
        self.filingIndicator = filingIndicator
        self.subscriber = subscriber
        self.payer = payer
        self.patient = patient
        self.claims = claims
    }

    /// A subscriber or patient: PHI throughout, so it never prints.
    public struct Person: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible {
        /// NM103–NM107.
        public var name: PersonName
        /// NM109 (qualifier MI) for a subscriber; empty for a patient.
        public var memberID: String?
        /// DMG02.
        public var birthDate: X12Date?
        /// DMG03: `F`, `M` or `U`.
        public var gender: String?
        /// N3/N4.
        public var address: Address?

        /// A person.
        public init(name: PersonName, memberID: String? = nil, birthDate: X12Date? = nil, gender: String? = nil,
                    address: Address? = nil) {
            self.name = name
            self.memberID = memberID
            self.birthDate = birthDate
            self.gender = gender
            self.address = address
        }

        /// `[PHI]`.
        public var description: String { "[PHI]" }
        /// `[PHI]`.
        public var debugDescription: String { "[PHI]" }
    }

    /// Loop 2000C: the patient and their relationship to the subscriber.
    public struct Patient: Sendable, Hashable, Codable {
        /// PAT01: `01` spouse, `19` child, `20` employee, `21` unknown, `39` organ donor, `40` cadaver donor,
        /// `53` life partner, `G8` other.
        public var relationship: String
        /// Who.
        public var person: Person

        /// A patient.
        public init(relationship: String, person: Person) {
            self.relationship = relationship
            self.person = person
        }
    }

    /// Loop 2010BB: the payer.
    public struct Payer: Sendable, Hashable, Codable {
        /// NM103.
        public var name: String
        /// NM109 (qualifier PI).
        public var id: String

        /// A payer.
        public init(name: String, id: String) {
            self.name = name
            self.id = id
        }
    }
}
