import Foundation

/// Facts of the billing company's own tenant (stream `company`): practices onboarded and offboarded, the
/// payer catalog, staff and their assignments, the submitter identity. No PHI.
public enum CompanyEvent: StoredEvent {
    /// `company.practice_onboarded`: a client practice was onboarded (its tenant created in the same transaction).
    case practiceOnboarded(PracticeProfile)
    /// `company.practice_offboarded`: a practice left; its identifying data was destroyed.
    case practiceOffboarded(PracticeOffboarded)
    /// `company.payer_added`: a payer joined the catalog.
    case payerAdded(PayerProfile)
    /// `company.payer_updated`: a catalog payer's name, X12 payer id or aliases changed from a date on.
    case payerUpdated(PayerUpdated)
    /// `company.staff_added`: a person's login was created (or joined a group).
    case staffAdded(StaffAdded)
    /// `company.staff_assigned`: a staff login was assigned to a practice.
    case staffAssigned(StaffAssigned)
    /// `company.submitter_configured`: the submitter identity used on every 837P (ISA sender, ETIN).
    case submitterConfigured(SubmitterProfile)

    /// The stream all company events go to.
    public static let streamID = "company"

    /// Every type name of the family.
    public static let eventTypes = [
        "company.practice_onboarded",
        "company.practice_offboarded",
        "company.payer_added",
        "company.payer_updated",
        "company.staff_added",
        "company.staff_assigned",
        "company.submitter_configured",
    ]

    /// Version 2 wrote `tenantID` where version 1 wrote `tenant_id`.
    public static var schemaVersions: [String: Int] {
        ["company.practice_offboarded": 2, "company.staff_assigned": 2]
    }

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .practiceOnboarded: "company.practice_onboarded"
        case .practiceOffboarded: "company.practice_offboarded"
        case .payerAdded: "company.payer_added"
        case .payerUpdated: "company.payer_updated"
        case .staffAdded: "company.staff_added"
        case .staffAssigned: "company.staff_assigned"
        case .submitterConfigured: "company.submitter_configured"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .practiceOnboarded(let p): try encodeJSON(p, encoder)
        case .practiceOffboarded(let p): try encodeJSON(p, encoder)
        case .payerAdded(let p): try encodeJSON(p, encoder)
        case .payerUpdated(let p): try encodeJSON(p, encoder)
        case .staffAdded(let p): try encodeJSON(p, encoder)
        case .staffAssigned(let p): try encodeJSON(p, encoder)
        case .submitterConfigured(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "company.practice_onboarded": .practiceOnboarded(try decodeJSON(PracticeProfile.self, d, j))
        case "company.practice_offboarded": .practiceOffboarded(try decodeJSON(PracticeOffboarded.self, d, j))
        case "company.payer_added": .payerAdded(try decodeJSON(PayerProfile.self, d, j))
        case "company.payer_updated": .payerUpdated(try decodeJSON(PayerUpdated.self, d, j))
        case "company.staff_added": .staffAdded(try decodeJSON(StaffAdded.self, d, j))
        case "company.staff_assigned": .staffAssigned(try decodeJSON(StaffAssigned.self, d, j))
        case "company.submitter_configured": .submitterConfigured(try decodeJSON(SubmitterProfile.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}
