/// A 270 batch (005010X279A1) as X12 sees it: envelope, the information source (the payer asked), the information
/// receiver (the billing provider asking), and one inquiry per patient. The writer turns it into bytes; the reader gives
/// it back.
///
/// Control numbers, date and time come from the caller (the envelope); nothing here reads a clock.
public struct EligibilityInquiryBatch: Sendable, Hashable, Codable {
    /// ISA/GS data (GS01 `HS`).
    public var envelope: InterchangeEnvelope
    /// ST02 of the first transaction set; the next sets count up from it (`0001`, `0002`…).
    public var firstTransactionControlNumber: Int
    /// BHT03: the submitter's reference for the batch (1–50 characters).
    public var reference: String
    /// Loop 2100A: the payer asked.
    public var source: InformationSource
    /// Loop 2100B: the provider asking.
    public var receiver: InformationReceiver
    /// One per patient (loop 2000C, and 2000D when the patient is a dependent).
    public var inquiries: [EligibilityInquiry]
    /// At most this many patients (2000C loops) per transaction set; a longer batch is split into several sets of one
    /// functional group, each with the same source and receiver.
    public var inquiriesPerSet: Int

    /// A batch.
    public init(envelope: InterchangeEnvelope, firstTransactionControlNumber: Int = 1, reference: String,
                source: InformationSource, receiver: InformationReceiver, inquiries: [EligibilityInquiry],
                inquiriesPerSet: Int = 99) {
        self.envelope = envelope
        self.firstTransactionControlNumber = firstTransactionControlNumber
        self.reference = reference
        self.source = source
        self.receiver = receiver
        self.inquiries = inquiries
        self.inquiriesPerSet = inquiriesPerSet
    }
}

/// Loop 2100A of a 270 or 271: the payer (NM1*PR) or another information source.
public struct InformationSource: Sendable, Hashable, Codable {
    /// NM101: `PR` payer (also `2B`, `36`, `GP`, `P5`).
    public var entity: String
    /// NM103: the payer's name (an organisation: not PHI).
    public var name: String
    /// NM108: `PI` payer id (also `46`, `FI`, `NI`, `XV`, `XX`, `24`).
    public var idQualifier: String
    /// NM109: the payer id.
    public var id: String

    /// A source.
    public init(entity: String = "PR", name: String, idQualifier: String = "PI", id: String) {
        self.entity = entity
        self.name = name
        self.idQualifier = idQualifier
        self.id = id
    }
}

/// Loop 2100B of a 270 or 271: the provider asking (NM1*1P with its NPI).
public struct InformationReceiver: Sendable, Hashable, Codable {
    /// NM101: `1P` provider (also `2B`, `36`, `80`, `FA`, `GP`, `P5`, `PR`).
    public var entity: String
    /// NM102: `1` person or `2` organisation.
    public var entityType: String
    /// NM103–NM107 (a provider's name: not PHI).
    public var name: PersonName
    /// NM108: `XX` NPI (also `SV`, `FI`, `PI`, `24`, `34`, `46`, `XV`).
    public var idQualifier: String
    /// NM109: the NPI.
    public var id: String

    /// A receiver identified by NPI.
    public init(entity: String = "1P", entityType: String = "2", name: PersonName, idQualifier: String = "XX", id: String) {
        self.entity = entity
        self.entityType = entityType
        self.name = name
        self.idQualifier = idQualifier
        self.id = id
    }
}

/// One patient's eligibility question (loop 2000C, with 2000D when the patient is a dependent).
public struct EligibilityInquiry: Sendable, Hashable, Codable {
    /// TRN*1 TRN02: our trace number, echoed by the 271 in TRN*2 (1–50 characters).
    public var trace: String
    /// TRN03: the trace assigning entity: `1` followed by our EIN, or `9` followed by a number we assign (10 characters).
    public var traceOriginator: String
    /// Loop 2100C: the subscriber, with the member id the card carries.
    public var subscriber: Member
    /// Loop 2100D: the patient when it is not the subscriber (no member id of its own in 5010: NM108/NM109 are not used).
    public var dependent: Member?
    /// DTP*291: the date (or range) of service asked about; the payer answers for the date it processes the inquiry
    /// when absent.
    public var serviceDate: DatePeriod?
    /// EQ01 of each loop 2110C/2110D: the service types asked about (`30` plan coverage, `MH` mental health, `A4`
    /// psychiatric, `A6` psychotherapy, `A8` psychiatric outpatient, `AI` substance abuse…), one EQ each.
    public var serviceTypes: [String]

    /// An inquiry.
    public init(trace: String, traceOriginator: String, subscriber: Member, dependent: Member? = nil,
                serviceDate: DatePeriod? = nil, serviceTypes: [String] = ["30"]) {
        self.trace = trace
        self.traceOriginator = traceOriginator
        self.subscriber = subscriber
        self.dependent = dependent
        self.serviceDate = serviceDate
        self.serviceTypes = serviceTypes
    }

    /// The patient the inquiry is about: the dependent when there is one.
    public var patient: Member { dependent ?? subscriber }
}

/// A subscriber or dependent as 270 and 271 carry them (NM1*IL or NM1*03, DMG). Names, member ids and birth dates are
/// PHI: they print as `[PHI]` and no error or warning echoes them.
public struct Member: Sendable, Hashable, Codable {
    /// NM103–NM107.
    public var name: PHI<PersonName>
    /// NM109 with NM108 `MI` (subscriber only).
    public var memberID: PHI<String>?
    /// DMG02.
    public var birthDate: PHI<X12Date>?
    /// DMG03: `F`, `M` or `U`.
    public var gender: String?

    /// A member.
    public init(name: PersonName, memberID: String? = nil, birthDate: X12Date? = nil, gender: String? = nil) {
        self.name = PHI(name)
        self.memberID = memberID.map(PHI.init)
        self.birthDate = birthDate.map(PHI.init)
        self.gender = gender
    }
}
