import Foundation

/// Claim status follow-up of a practice: the 276s we sent (stream `status`) and, per claim, what the payer's 277
/// said (stream `status-<claim id>`). Codes and dates only; the files are in the PHI store.
public enum ClaimStatusEvent: StoredEvent {
    /// `status.inquiry_sent`: a 276 was written, with the trace of each claim asked about.
    case inquirySent(InquirySent)
    /// `status.reported`: a 277 answered for one claim.
    case reported(Reported)

    /// The stream of a practice's 276s.
    public static let inquiriesStreamID = "status"

    /// The stream of one claim's status answers.
    public static func streamID(_ claim: ClaimID) -> String { "status-\(claim.rawValue)" }

    /// Every type name of the family.
    public static let eventTypes = ["status.inquiry_sent", "status.reported"]

    /// The stored type name.
    public var eventType: String {
        switch self {
        case .inquirySent: "status.inquiry_sent"
        case .reported: "status.reported"
        }
    }

    /// The JSON payload.
    public func encodePayload(with encoder: JSONEncoder) throws -> Data {
        switch self {
        case .inquirySent(let p): try encodeJSON(p, encoder)
        case .reported(let p): try encodeJSON(p, encoder)
        }
    }

    /// Decodes a current-version payload.
    public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
        switch eventType {
        case "status.inquiry_sent": .inquirySent(try decodeJSON(InquirySent.self, d, j))
        case "status.reported": .reported(try decodeJSON(Reported.self, d, j))
        default: throw unknownEventType(eventType)
        }
    }
}

/// Where a claim goes after the payer's 277 (005010X212) answered a 276.
public enum ClaimFollowUp: String, Sendable, Hashable, Codable, CaseIterable {
    /// F…: finalized (paid, denied, or revised): the 835 is expected.
    case expectingRemittance
    /// P… (and E1–E4, the payer cannot answer now): keep waiting; it is asked again when still unanswered.
    case pending
    /// A3–A8 (rejected, A4 not found), E0, R… (information requested): a person works it.
    case worklist

    /// The follow-up of a status category (STC01-1).
    public static func of(category: String) -> ClaimFollowUp {
        if category.hasPrefix("F") { return .expectingRemittance }
        if category.hasPrefix("P") || ["E1", "E2", "E3", "E4"].contains(category) || category == "A0" || category == "A1" || category == "A2" { return .pending }
        return .worklist
    }
}

extension ClaimStatusEvent {
    /// One claim of a 276.
    public struct SentClaim: Codable, Sendable, Equatable {
        /// TRN02 of our TRN*1.
        public var trace: String
        /// The claim.
        public var claimID: ClaimID

        /// A claim asked about.
        public init(trace: String, claimID: ClaimID) {
            self.trace = trace
            self.claimID = claimID
        }
    }

    /// Payload of `status.inquiry_sent`.
    public struct InquirySent: Codable, Sendable, Equatable {
        /// The SHA-256 of the 276 (its key in the PHI store).
        public var sha256: String
        /// The file name written.
        public var fileName: String
        /// ISA13.
        public var interchangeControlNumber: Int
        /// The payer asked (our catalog id).
        public var payerID: PayerID
        /// The claims asked about.
        public var claims: [SentClaim]

        /// A payload with every field.
        public init(sha256: String, fileName: String, interchangeControlNumber: Int, payerID: PayerID, claims: [SentClaim]) {
            self.sha256 = sha256
            self.fileName = fileName
            self.interchangeControlNumber = interchangeControlNumber
            self.payerID = payerID
            self.claims = claims
        }
    }

    /// Payload of `status.reported`.
    public struct Reported: Codable, Sendable, Equatable {
        /// The claim.
        public var claimID: ClaimID
        /// The payer that answered (our catalog id).
        public var payerID: PayerID
        /// Our 276's trace, echoed.
        public var trace: String
        /// STC01-1: the status category.
        public var category: String
        /// STC01-2: the status code.
        public var code: String
        /// STC01-3: the entity it is about.
        public var entity: String?
        /// STC02.
        public var statusDate: LocalDate?
        /// STC04: the amount the payer gives (charge, or paid).
        public var amount: Money?
        /// REF*1K: the payer's claim control number.
        public var payerClaimNumber: String?
        /// Where the claim goes.
        public var followUp: ClaimFollowUp

        /// A payload with every field.
        public init(
            claimID: ClaimID, payerID: PayerID, trace: String, category: String, code: String, entity: String? = nil, statusDate: LocalDate? = nil,
            amount: Money? = nil, payerClaimNumber: String? = nil, followUp: ClaimFollowUp
        ) {
            self.claimID = claimID
            self.payerID = payerID
            self.trace = trace
            self.category = category
            self.code = code
            self.entity = entity
            self.statusDate = statusDate
            self.amount = amount
            self.payerClaimNumber = payerClaimNumber
            self.followUp = followUp
        }
    }
}
