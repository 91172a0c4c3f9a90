extension Patient {
    /// What staff (or the claim process) ask of a patient record.
    public enum Command: Sendable, Equatable {
        /// Registers the patient under a pseudonymous key with a salted digest of the identity record.
        case register(key: PatientKey, identityDigest: String, on: LocalDate)
        /// Records a coverage.
        case recordCoverage(Coverage, on: LocalDate)
        /// Records a prior authorization.
        case recordAuthorization(Authorization, on: LocalDate)
        /// Consumes units of an authorization for a submitted claim.
        case consumeAuthorizationUnits(number: String, units: Quantity, claimID: ClaimID, on: LocalDate)
        /// Gives units back after a void or denial.
        case releaseAuthorizationUnits(number: String, units: Quantity, claimID: ClaimID, on: LocalDate)
        /// Marks the record as holding substance-use treatment (42 CFR Part 2).
        case flagSubstanceUseRecords(on: LocalDate)
        /// Records that the identity record was destroyed (practice left, or retention ended).
        case forgetIdentity(on: LocalDate)
    }

    /// Why a patient command was refused.
    public enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// Already registered.
        case alreadyRegistered
        /// Not registered yet.
        case notRegistered
        /// The identity digest is empty.
        case missingIdentityDigest
        /// The coverage id is in use.
        case coverageExists(CoverageID)
        /// Coinsurance outside 0–100, or a negative copay or deductible.
        case invalidCostShare
        /// Another active coverage holds this order.
        case orderTaken(PayerOrder)
        /// A secondary without a primary (or a tertiary without a secondary) in force on its first day.
        case noEarlierCoverage(PayerOrder, missing: PayerOrder, on: LocalDate)
        /// The payer already covers the patient, in another order, on some of those dates.
        case payerAlreadyCovers(PayerID)
        /// The authorization number is in use.
        case authorizationExists(String)
        /// Units must be positive.
        case nonPositiveUnits
        /// No such authorization.
        case unknownAuthorization(String)
        /// Not enough units remain.
        case authorizationExhausted(number: String, remaining: Quantity, requested: Quantity)
        /// Cannot release more than was consumed.
        case releaseExceedsConsumed(number: String, consumed: Quantity, requested: Quantity)
        /// The identity was already forgotten.
        case identityAlreadyForgotten
        /// Already flagged.
        case alreadyFlagged

        /// A message a billing clerk understands.
        public var description: String {
            switch self {
            case .alreadyRegistered: "This patient is already registered."
            case .notRegistered: "Register the patient first."
            case .missingIdentityDigest: "The identity record's digest is missing."
            case .coverageExists(let id): "Coverage \(id) is already recorded."
            case .invalidCostShare: "Coinsurance must be 0–100 % and copay and deductible not negative."
            case .orderTaken(let order): "The patient already has an active \(order.rawValue) coverage for those dates."
            case .noEarlierCoverage(let order, let missing, let date):
                "A \(order.rawValue) coverage needs a \(missing.rawValue) coverage in force on its first day (\(date)); "
                    + "record the \(missing.rawValue) first."
            case .payerAlreadyCovers(let payer):
                "Payer \(payer) already covers the patient on some of those dates; one payer holds one place in the order."
            case .authorizationExists(let n): "Authorization \(n) is already recorded."
            case .nonPositiveUnits: "Units must be more than zero."
            case .unknownAuthorization(let n): "There is no authorization \(n) for this patient."
            case .authorizationExhausted(let n, let remaining, let requested):
                "Authorization \(n) has \(remaining) units left; \(requested) were requested."
            case .releaseExceedsConsumed(let n, let consumed, let requested):
                "Authorization \(n) has only \(consumed) units in use; cannot release \(requested)."
            case .identityAlreadyForgotten: "This patient's identity was already destroyed."
            case .alreadyFlagged: "The record is already flagged as substance-use treatment."
            }
        }
    }
}
