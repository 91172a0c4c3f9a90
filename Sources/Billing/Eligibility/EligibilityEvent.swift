import Foundation

/// Eligibility facts of a practice: the 270s we sent (stream `eligibility`), and per patient the answers of the
/// 271s and the carve-out routings a person confirmed (stream `eligibility-<patient key>`). No event carries a
/// name, member id or birth date: the 270 and 271 files themselves are in the PHI store, keyed by hash.
public enum EligibilityEvent: StoredEvent {
    /// `eligibility.inquiry_sent`: a 270 was written, with the trace of each inquiry, so a 271 can be tied back.
    case inquirySent(InquirySent)
    /// `eligibility.checked`: a 271 answered for one patient and coverage.
    case checked(Checked)
    /// `eligibility.carve_out_routed`: a person confirmed that behavioral-health claims go to the carve-out payer.
    case carveOutRouted(CarveOutRouted)
    /// `eligibility.policy_set`: how many days an eligibility check stays current for the practice (scrubber rule
    /// MH062, the alerts).
    case policySet(PolicySet)

    /// Days an eligibility check stays current when the practice has set none.
    public static let defaultPolicyDays = 30

    /// The stream of a practice's 270s.
    public static let inquiriesStreamID = "eligibility"

    /// The stream of a practice's eligibility policy.
    public static let policyStreamID = "eligibility-policy"

    /// The stream of one patient's answers and routings.
    public static func streamID(_ key: PatientKey) -> String { "eligibility-\(key.rawValue)" }

    /// Every type name of the family.
    public static let eventTypes = ["eligibility.inquiry_sent", "eligibility.checked", "eligibility.carve_out_routed", "eligibility.policy_set"]

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .inquirySent: "eligibility.inquiry_sent"
        case .checked: "eligibility.checked"
        case .carveOutRouted: "eligibility.carve_out_routed"
        case .policySet: "eligibility.policy_set"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .inquirySent(let p): try encodeJSON(p, encoder)
        case .checked(let p): try encodeJSON(p, encoder)
        case .carveOutRouted(let p): try encodeJSON(p, encoder)
        case .policySet(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "eligibility.inquiry_sent": .inquirySent(try decodeJSON(InquirySent.self, d, j))
        case "eligibility.checked": .checked(try decodeJSON(Checked.self, d, j))
        case "eligibility.carve_out_routed": .carveOutRouted(try decodeJSON(CarveOutRouted.self, d, j))
        case "eligibility.policy_set": .policySet(try decodeJSON(PolicySet.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}
