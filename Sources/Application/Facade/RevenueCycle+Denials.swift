import Billing
import Foundation
import Projections

extension RevenueCycle {
    /// The denial worklist (claim, payer, CARC/RARC with their meaning, amount, owner, status, appeal due date,
    /// days left), from the analyst tables under the login's row-level security.
    public func denialWorklist(_ filter: DenialWorklistFilter) async throws -> Report {
        try await postgres.run { session in try DenialWorklist.load(filter, in: session) }
    }

    /// A printable appeal letter for a denial of a claim; the read of the patient's identity is recorded.
    public func appealLetter(claim: ClaimID, denial: DenialID?, argument: String?, tenant: String) async throws -> DocumentPage {
        try await inTenant(tenant, reason: "appeal letter") { tx, context in
            try AppealLetterService().letter(claim: claim, denial: denial, argument: argument, context: context, in: tx)
        }
    }
}
