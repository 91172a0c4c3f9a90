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

        /// Payload of `claim.created`.
        public struct Created: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// CLM01.
            public var claimNumber: ClaimNumber
            /// The patient.
            public var patientKey: PatientKey
            /// The primary payer.
            public var payerID: PayerID
            /// Diagnoses, principal first.
            public var diagnoses: [ICD10Code]
            /// The lines.
            public var lines: [ClaimLine]
            /// REF*G1.
            public var authorizationNumber: String?
            /// 42 CFR Part 2 sensitivity.
            public var substanceUse: Bool
            /// Total charge.
            public var charges: Money
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.scrubbed`.
        public struct Scrubbed: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// What it found.
            public var findings: [ScrubFinding]
            /// True when no error was found.
            public var passed: Bool
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `claim.submitted`.
        public struct Submitted: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// The payer sent to.
            public var payerID: PayerID
            /// Its order.
            public var payerOrder: PayerOrder
            /// CLM05-3.
            public var frequency: ClaimFrequency
            /// Total charge.
            public var charges: Money
            /// REF*G1.
            public var authorizationNumber: String?
            /// Units of the authorization consumed now.
            public var authorizationUnitsConsumed: Quantity
            /// 42 CFR Part 2 sensitivity.
            public var substanceUse: Bool
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `claim.acknowledged`.
        public struct Acknowledged: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Payer claim number (REF*1K).
            public var payerClaimNumber: String?
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `claim.rejected`.
        public struct Rejected: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// 277CA category (A3, A6, A7, A8) or 999 code.
            public var category: String
            /// Status code.
            public var statusCode: String
            /// What to fix.
            public var message: String
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `claim.adjudicated`.
        public struct Adjudicated: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Everything the payer said.
            public var adjudication: Adjudication
            /// Order of the payer.
            public var payerOrder: PayerOrder
            /// How it moves money.
            public var posting: Posting
            /// Lines paid below the contract.
            public var underpaidLines: [LineID]
            /// Where patient responsibility goes (a `claim.responsibility_transferred` follows), if any.
            public var patientResponsibilityTo: Responsible?
            /// Earlier denials this adjudication resolves (their lines are now paid or adjusted).
            public var resolvedDenials: [DenialID]
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.adjudication_reversed`.
        public struct AdjudicationReversed: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// The adjudication reversed.
            public var payerClaimNumber: String
            /// The amounts reversed, as originally posted.
            public var posting: Posting
            /// Patient responsibility moved back to the payer.
            public var returnedFromPatient: Money
            /// The payer billed again after the reversal.
            public var payerID: PayerID
            /// Its order.
            public var payerOrder: PayerOrder
            /// Denials the reversal supersedes.
            public var resolvedDenials: [DenialID]
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.responsibility_transferred`.
        public struct ResponsibilityTransferred: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Amount moved.
            public var amount: Money
            /// Who owes it now.
            public var to: Responsible
            /// Why.
            public var reason: String
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.denied`.
        public struct Denied: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// The denial work item.
            public var denial: Denial
            /// Authorization whose units are released.
            public var authorizationNumber: String?
            /// Units released.
            public var authorizationUnitsReleased: Quantity
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `denial.assigned`.
        public struct DenialAssigned: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// The denial.
            public var denialID: DenialID
            /// Owner.
            public var owner: StaffID
            /// Due date.
            public var dueDate: LocalDate
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `claim.appealed`.
        public struct Appealed: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// The denial.
            public var denialID: DenialID
            /// Appeal reference.
            public var reference: String
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `claim.corrected`.
        public struct Corrected: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Diagnoses.
            public var diagnoses: [ICD10Code]
            /// New lines.
            public var lines: [ClaimLine]
            /// Frequency of the next submission.
            public var frequency: ClaimFrequency
            /// New charges minus old.
            public var chargeChange: Money
            /// Why.
            public var reason: String
            /// 42 CFR Part 2 sensitivity.
            public var substanceUse: Bool
            /// Denials the correction resolves.
            public var resolvedDenials: [DenialID]
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.voided`.
        public struct Voided: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Why.
            public var reason: String
            /// Charges taken off.
            public var chargesReversed: Money
            /// 8 when the payer must be told, else 1.
            public var frequency: ClaimFrequency
            /// Authorization whose units are released.
            public var authorizationNumber: String?
            /// Units released.
            public var authorizationUnitsReleased: Quantity
            /// Denials closed by the void.
            public var resolvedDenials: [DenialID]
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.written_off`.
        public struct WrittenOff: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Amount.
            public var amount: Money
            /// Why.
            public var reason: WriteOffReason
            /// Which balance.
            public var side: BalanceSide
            /// The denial it resolves.
            public var denialID: DenialID?
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.patient_payment_applied`.
        public struct PatientPaymentApplied: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// The payment.
            public var paymentID: PaymentID
            /// Amount.
            public var amount: Money
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.patient_refunded`.
        public struct PatientRefunded: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// The refund.
            public var paymentID: PaymentID
            /// Amount.
            public var amount: Money
            /// Business date.
            public var effectiveDate: LocalDate
            /// Accounting period.
            public var period: AccountingPeriod
        }
        /// Payload of `claim.closed`.
        public struct Closed: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Business date.
            public var effectiveDate: LocalDate
        }
        /// Payload of `claim.reopened`.
        public struct Reopened: Codable, Sendable, Equatable {
            /// The claim.
            public var claimID: ClaimID
            /// Why.
            public var reason: String
            /// Business date.
            public var effectiveDate: LocalDate
        }

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
            case "claim.responsibility_transferred": .responsibilityTransferred(try decodeJSON(ResponsibilityTransferred.self, d, j))
            case "claim.denied": .denied(try decodeJSON(Denied.self, d, j))
            case "denial.assigned": .denialAssigned(try decodeJSON(DenialAssigned.self, d, j))
            case "claim.appealed": .appealed(try decodeJSON(Appealed.self, d, j))
            case "claim.corrected": .corrected(try decodeJSON(Corrected.self, d, j))
            case "claim.voided": .voided(try decodeJSON(Voided.self, d, j))
            case "claim.written_off": .writtenOff(try decodeJSON(WrittenOff.self, d, j))
            case "claim.patient_payment_applied": .patientPaymentApplied(try decodeJSON(PatientPaymentApplied.self, d, j))
            case "claim.patient_refunded": .patientRefunded(try decodeJSON(PatientRefunded.self, d, j))
            case "claim.closed": .closed(try decodeJSON(Closed.self, d, j))
            case "claim.reopened": .reopened(try decodeJSON(Reopened.self, d, j))
            default: throw unknownEventType(eventType)
            }
        }
    }
}
