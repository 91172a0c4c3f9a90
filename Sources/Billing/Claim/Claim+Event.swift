import Foundation

extension Claim {
    /// Facts about a claim. Financial events carry `effectiveDate` and `period`.
    public enum Event: StoredEvent {
        /// `claim.created`: the claim was created from sessions.
        case created(Created)
        /// `claim.scrubbed`: the scrubber ran.
        case scrubbed(Scrubbed)
        /// `claim.submitted`: the claim was sent.
        case submitted(Submitted)
        /// `claim.acknowledged`: the payer accepted the claim into adjudication.
        case acknowledged(Acknowledged)
        /// `claim.rejected`: the clearinghouse or payer rejected the claim.
        case rejected(Rejected)
        /// `claim.adjudicated`: an 835 claim payment was posted.
        case adjudicated(Adjudicated)
        /// `claim.adjudication_reversed`: a CLP02 = 22 reversal negated an adjudication.
        case adjudicationReversed(AdjudicationReversed)
        /// `claim.responsibility_transferred`: a balance moved to the next payer or the patient.
        case responsibilityTransferred(ResponsibilityTransferred)
        /// `claim.denied`: an adjudication denied the claim or lines, opening a denial.
        case denied(Denied)
        /// `denial.assigned`: a denial got an owner and due date.
        case denialAssigned(DenialAssigned)
        /// `claim.appealed`: a denial was appealed.
        case appealed(Appealed)
        /// `claim.corrected`: the claim's lines were replaced from corrected sessions.
        case corrected(Corrected)
        /// `claim.voided`: the claim was voided.
        case voided(Voided)
        /// `claim.written_off`: part of a balance was written off.
        case writtenOff(WrittenOff)
        /// `claim.patient_payment_applied`: a patient payment was applied.
        case patientPaymentApplied(PatientPaymentApplied)
        /// `claim.patient_refunded`: a patient credit was refunded.
        case patientRefunded(PatientRefunded)
        /// `claim.closed`: the claim was closed.
        case closed(Closed)
        /// `claim.reopened`: the claim was reopened.
        case reopened(Reopened)

        /// Every type name of the family.
        public static let eventTypes = [
            "claim.created",
            "claim.scrubbed",
            "claim.submitted",
            "claim.acknowledged",
            "claim.rejected",
            "claim.adjudicated",
            "claim.adjudication_reversed",
            "claim.responsibility_transferred",
            "claim.denied",
            "denial.assigned",
            "claim.appealed",
            "claim.corrected",
            "claim.voided",
            "claim.written_off",
            "claim.patient_payment_applied",
            "claim.patient_refunded",
            "claim.closed",
            "claim.reopened",
        ]

        /// The stored type name.
        public var eventType: String {
            switch self {
            case .created: "claim.created"
            case .scrubbed: "claim.scrubbed"
            case .submitted: "claim.submitted"
            case .acknowledged: "claim.acknowledged"
            case .rejected: "claim.rejected"
            case .adjudicated: "claim.adjudicated"
            case .adjudicationReversed: "claim.adjudication_reversed"
            case .responsibilityTransferred: "claim.responsibility_transferred"
            case .denied: "claim.denied"
            case .denialAssigned: "denial.assigned"
            case .appealed: "claim.appealed"
            case .corrected: "claim.corrected"
            case .voided: "claim.voided"
            case .writtenOff: "claim.written_off"
            case .patientPaymentApplied: "claim.patient_payment_applied"
            case .patientRefunded: "claim.patient_refunded"
            case .closed: "claim.closed"
            case .reopened: "claim.reopened"
            }
        }

        /// The JSON payload.
        public func encodePayload(with encoder: JSONEncoder) throws -> Data {
            switch self {
            case .created(let p): try encodeJSON(p, encoder)
            case .scrubbed(let p): try encodeJSON(p, encoder)
            case .submitted(let p): try encodeJSON(p, encoder)
            case .acknowledged(let p): try encodeJSON(p, encoder)
            case .rejected(let p): try encodeJSON(p, encoder)
            case .adjudicated(let p): try encodeJSON(p, encoder)
            case .adjudicationReversed(let p): try encodeJSON(p, encoder)
            case .responsibilityTransferred(let p): try encodeJSON(p, encoder)
            case .denied(let p): try encodeJSON(p, encoder)
            case .denialAssigned(let p): try encodeJSON(p, encoder)
            case .appealed(let p): try encodeJSON(p, encoder)
            case .corrected(let p): try encodeJSON(p, encoder)
            case .voided(let p): try encodeJSON(p, encoder)
            case .writtenOff(let p): try encodeJSON(p, encoder)
            case .patientPaymentApplied(let p): try encodeJSON(p, encoder)
            case .patientRefunded(let p): try encodeJSON(p, encoder)
            case .closed(let p): try encodeJSON(p, encoder)
            case .reopened(let p): try encodeJSON(p, encoder)
            }
        }

        /// Decodes a current-version payload.
        public static func decode(eventType: String, payload d: Data, with j: JSONDecoder) throws -> Self {
            switch eventType {
            case "claim.created": .created(try decodeJSON(Created.self, d, j))
            case "claim.scrubbed": .scrubbed(try decodeJSON(Scrubbed.self, d, j))
            case "claim.submitted": .submitted(try decodeJSON(Submitted.self, d, j))
            case "claim.acknowledged": .acknowledged(try decodeJSON(Acknowledged.self, d, j))
            case "claim.rejected": .rejected(try decodeJSON(Rejected.self, d, j))
            case "claim.adjudicated": .adjudicated(try decodeJSON(Adjudicated.self, d, j))
            case "claim.adjudication_reversed": .adjudicationReversed(try decodeJSON(AdjudicationReversed.self, d, j))
            case "claim.responsibility_transferred":
                .responsibilityTransferred(try decodeJSON(ResponsibilityTransferred.self, d, j))
            case "claim.denied": .denied(try decodeJSON(Denied.self, d, j))
            case "denial.assigned": .denialAssigned(try decodeJSON(DenialAssigned.self, d, j))
            case "claim.appealed": .appealed(try decodeJSON(Appealed.self, d, j))
            case "claim.corrected": .corrected(try decodeJSON(Corrected.self, d, j))
            case "claim.voided": .voided(try decodeJSON(Voided.self, d, j))
            case "claim.written_off": .writtenOff(try decodeJSON(WrittenOff.self, d, j))
            case "claim.patient_payment_applied":
                .patientPaymentApplied(try decodeJSON(PatientPaymentApplied.self, d, j))
            case "claim.patient_refunded": .patientRefunded(try decodeJSON(PatientRefunded.self, d, j))
            case "claim.closed": .closed(try decodeJSON(Closed.self, d, j))
            case "claim.reopened": .reopened(try decodeJSON(Reopened.self, d, j))
            default: throw unknownEventType(eventType)
            }
        }
    }
}
