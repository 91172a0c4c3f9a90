import Billing

/// What posting needs to know about a claim named by a remittance: the claim and the practice and patient
/// whose rules and coverages make its adjudication context.
public struct ClaimContext: Sendable, Equatable {
    /// The claim as replayed from its stream.
    public var claim: Claim.State
    /// The practice the claim belongs to (appeal windows, contract rates, posting period).
    public var practice: Practice.State
    /// The patient (the next payer in order, for moving patient responsibility).
    public var patient: Patient.State

    /// A claim with its context.
    public init(claim: Claim.State, practice: Practice.State, patient: Patient.State) {
        self.claim = claim
        self.practice = practice
        self.patient = patient
    }
}

/// The caller's window on its stores, so posting stays pure: claim number → claim with context, and payer
/// claim number (ICN) → our claim number, for recoupments named by PLB references.
public struct RemittanceLookup: Sendable {
    /// The claim with this CLP01, in the tenant the payee matched; nil when unknown.
    public var claim: @Sendable (ClaimNumber) -> ClaimContext?
    /// Our claim number for a payer claim number, when known.
    public var claimNumberForPayerClaimNumber: @Sendable (String) -> ClaimNumber?

    /// A lookup from two functions.
    public init(
        claim: @escaping @Sendable (ClaimNumber) -> ClaimContext?,
        claimNumberForPayerClaimNumber: @escaping @Sendable (String) -> ClaimNumber? = { _ in nil }
    ) {
        self.claim = claim
        self.claimNumberForPayerClaimNumber = claimNumberForPayerClaimNumber
    }

    /// A lookup over claims held in memory (tests, the demo's simulator loop).
    public init(claims: [ClaimNumber: ClaimContext]) {
        var byPayerNumber: [String: ClaimNumber] = [:]
        for (number, context) in claims {
            for record in context.claim.adjudications where byPayerNumber[record.adjudication.payerClaimNumber] == nil {
                byPayerNumber[record.adjudication.payerClaimNumber] = number
            }
            if let payerNumber = context.claim.payerClaimNumber, byPayerNumber[payerNumber] == nil {
                byPayerNumber[payerNumber] = number
            }
        }
        let index = byPayerNumber
        self.init(claim: { claims[$0] }, claimNumberForPayerClaimNumber: { index[$0] })
    }
}
