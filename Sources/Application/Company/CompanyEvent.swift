import Foundation

/// Facts of the billing company's own tenant: practices onboarded, the payer catalog, staff and their
/// assignments, the submitter identity. No PHI.
public enum CompanyEvent: Sendable, Equatable {
    /// A client practice was onboarded (and its tenant created in the same transaction).
    case practiceOnboarded(PracticeProfile)
    /// A practice left; its identifying data was destroyed.
    case practiceOffboarded(tenantID: String, reason: String)
    /// A payer joined the catalog.
    case payerAdded(PayerProfile)
    /// A person's login was created (or joined a group).
    case staffAdded(login: String, group: String)
    /// A staff login was assigned to a practice.
    case staffAssigned(login: String, tenantID: String)
    /// The submitter identity used on every 837P (ISA sender, ETIN).
    case submitterConfigured(SubmitterProfile)

    /// The stream all company events go to.
    public static let streamID = "company"

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .practiceOnboarded: "company.practice_onboarded"
        case .practiceOffboarded: "company.practice_offboarded"
        case .payerAdded: "company.payer_added"
        case .staffAdded: "company.staff_added"
        case .staffAssigned: "company.staff_assigned"
        case .submitterConfigured: "company.submitter_configured"
        }
    }

    /// The JSON payload.
    public func payload() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        switch self {
        case .practiceOnboarded(let profile): return try encoder.encode(profile)
        case .practiceOffboarded(let id, let reason): return try encoder.encode(["tenant_id": id, "reason": reason])
        case .payerAdded(let payer): return try encoder.encode(payer)
        case .staffAdded(let login, let group): return try encoder.encode(["login": login, "group": group])
        case .staffAssigned(let login, let id): return try encoder.encode(["login": login, "tenant_id": id])
        case .submitterConfigured(let submitter): return try encoder.encode(submitter)
        }
    }

    /// Decodes a stored company event; nil for a type this version does not know.
    public static func decode(eventType: String, payload: Data) throws -> CompanyEvent? {
        let decoder = JSONDecoder()
        switch eventType {
        case "company.practice_onboarded": return .practiceOnboarded(try decoder.decode(PracticeProfile.self, from: payload))
        case "company.practice_offboarded":
            let fields = try decoder.decode([String: String].self, from: payload)
            return .practiceOffboarded(tenantID: fields["tenant_id"] ?? "", reason: fields["reason"] ?? "")
        case "company.payer_added": return .payerAdded(try decoder.decode(PayerProfile.self, from: payload))
        case "company.staff_added":
            let fields = try decoder.decode([String: String].self, from: payload)
            return .staffAdded(login: fields["login"] ?? "", group: fields["group"] ?? "")
        case "company.staff_assigned":
            let fields = try decoder.decode([String: String].self, from: payload)
            return .staffAssigned(login: fields["login"] ?? "", tenantID: fields["tenant_id"] ?? "")
        case "company.submitter_configured": return .submitterConfigured(try decoder.decode(SubmitterProfile.self, from: payload))
        default: return nil
        }
    }
}

/// A client practice as the billing company knows it: the billing provider of its claims.
public struct PracticeProfile: Sendable, Codable, Equatable {
    /// The tenant id.
    public var tenantID: String
    /// The slug.
    public var slug: String
    /// The practice's legal name (NM1*85).
    public var name: String
    /// Its IANA time zone.
    public var timeZone: String
    /// The billing provider NPI (type 1 or 2).
    public var npi: String
    /// The tax id (EIN), digits only.
    public var taxID: String
    /// The billing taxonomy code.
    public var taxonomy: String
    /// Street address (no PO box), city, state, 9-digit ZIP.
    public var street: String
    /// City.
    public var city: String
    /// Two-letter state.
    public var state: String
    /// Nine-digit ZIP.
    public var zip: String

    /// Makes a profile.
    public init(tenantID: String, slug: String, name: String, timeZone: String, npi: String, taxID: String, taxonomy: String, street: String, city: String, state: String, zip: String) {
        self.tenantID = tenantID
        self.slug = slug
        self.name = name
        self.timeZone = timeZone
        self.npi = npi
        self.taxID = taxID
        self.taxonomy = taxonomy
        self.street = street
        self.city = city
        self.state = state
        self.zip = zip
    }
}

/// A payer in the company's catalog.
public struct PayerProfile: Sendable, Codable, Equatable {
    /// Our id for the payer (e.g. `aetna`).
    public var payerID: String
    /// Its name.
    public var name: String
    /// The payer id claims are routed to (NM1*PR PI), e.g. a carve-out's.
    public var x12PayerID: String
    /// commercial, medicare, medicaid, medicaid-mco, eap, carve-out.
    public var kind: String
    /// The claim filing indicator (SBR09): CI, MB, MC, HM, …
    public var filingIndicator: String

    /// Makes a payer.
    public init(payerID: String, name: String, x12PayerID: String, kind: String, filingIndicator: String) {
        self.payerID = payerID
        self.name = name
        self.x12PayerID = x12PayerID
        self.kind = kind
        self.filingIndicator = filingIndicator
    }
}

/// Who sends our 837Ps.
public struct SubmitterProfile: Sendable, Codable, Equatable {
    /// The company's name (NM1*41).
    public var name: String
    /// The ETIN the clearinghouse gave us.
    public var etin: String
    /// ISA06 sender id.
    public var senderID: String
    /// ISA05 qualifier (ZZ).
    public var senderQualifier: String
    /// ISA08 receiver id (the clearinghouse).
    public var receiverID: String
    /// The receiver's name (NM1*40).
    public var receiverName: String
    /// A contact phone (PER).
    public var contactPhone: String

    /// Makes a submitter.
    public init(name: String, etin: String, senderID: String, senderQualifier: String = "ZZ", receiverID: String, receiverName: String, contactPhone: String) {
        self.name = name
        self.etin = etin
        self.senderID = senderID
        self.senderQualifier = senderQualifier
        self.receiverID = receiverID
        self.receiverName = receiverName
        self.contactPhone = contactPhone
    }
}
