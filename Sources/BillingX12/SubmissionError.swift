import Billing

/// Why an 837P batch could not be built. Messages name claims, payers and providers by id, never a patient.
public enum SubmissionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No claims were given.
    case emptyBatch
    /// The practice is not enrolled with the payer.
    case unknownPayer(PayerID)
    /// The payer has no X12 identity (name and payer id) to put in NM1*PR.
    case payerWithoutIdentity(PayerID)
    /// A claim has not been created.
    case claimNotCreated
    /// A claim is billed to another payer than the batch's.
    case wrongPayer(ClaimNumber, expected: PayerID, got: PayerID?)
    /// The coverage given for a claim is with another payer.
    case coverageForOtherPayer(ClaimNumber, PayerID)
    /// A claim has no lines.
    case noLines(ClaimNumber)
    /// A provider named on a claim is not in the practice.
    case unknownProvider(ProviderID)
    /// The caller gave no name for a provider.
    case missingProviderName(ProviderID)
    /// The lines of one claim name different rendering or supervising providers (2310B/D are claim-level).
    case mixedProviders(ClaimNumber)
    /// The patient is a dependent but no subscriber identity was given.
    case missingSubscriber(ClaimNumber)
    /// A replacement or void has no payer claim number for REF*F8.
    case missingOriginalClaimNumber(ClaimNumber)
    /// A part of the patient's or subscriber's identity holds a character X12 cannot carry (scrubber MH034).
    case unwritableIdentity(ClaimNumber, IdentityFacts.Part)
    /// The subscriber has no member id for 2010BA NM109 (scrubber MH032).
    case missingMemberID(ClaimNumber)
    /// The patient's address does not read as street, city, state and ZIP for N3/N4 (scrubber MH036).
    case unreadableAddress(ClaimNumber)

    /// A sentence for a billing clerk.
    public var description: String {
        switch self {
        case .emptyBatch: "A batch needs at least one claim."
        case .unknownPayer(let payer): "The practice is not enrolled with payer \(payer)."
        case .payerWithoutIdentity(let payer): "Payer \(payer) has no X12 payer id in the catalog."
        case .claimNotCreated: "A claim in the batch has not been created."
        case .wrongPayer(let claim, let expected, let got):
            "Claim \(claim) is billed to \(got.map(\.rawValue) ?? "no payer"), not \(expected)."
        case .coverageForOtherPayer(let claim, let payer):
            "The coverage given for claim \(claim) is with \(payer), not the claim's payer."
        case .noLines(let claim): "Claim \(claim) has no lines."
        case .unknownProvider(let id): "Provider \(id) is not in the practice."
        case .missingProviderName(let id): "No name was given for provider \(id)."
        case .mixedProviders(let claim):
            "Claim \(claim) has lines by different rendering or supervising providers; split it by provider."
        case .missingSubscriber(let claim):
            "Claim \(claim) is for a dependent; the subscriber's identity is needed."
        case .missingOriginalClaimNumber(let claim):
            "Claim \(claim) replaces or voids an earlier claim but has no payer claim number for REF*F8."
        case .unwritableIdentity(let claim, let part):
            "Claim \(claim): the \(part.rawValue) of the patient or subscriber holds a character X12 cannot carry; correct it and scrub the claim again (MH034)."
        case .missingMemberID(let claim):
            "Claim \(claim): the subscriber has no member id, which the 837P requires (2010BA NM109); add it and scrub the claim again (MH032)."
        case .unreadableAddress(let claim):
            "Claim \(claim): the patient's address does not read as street, city, state and ZIP, which the 837P needs (N3/N4); correct it and scrub the claim again (MH036)."
        }
    }
}
