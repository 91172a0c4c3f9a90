import Billing
import EventStore
import Foundation

/// The read models commands consult instead of scanning the log. Each answer is as of the caller's
/// transaction, including what it appended itself.
public protocol ReadModelPort: AnyObject {
    /// A tenant's claims, oldest first, optionally only one patient's or one payer's (both fixed at creation).
    func claimIDs(tenant: TenantID, patient: PatientKey?, payer: PayerID?) throws -> [ClaimID]
    /// A page of a tenant's claims in claim-id order: after the id `after`, in `status` when given, at most `limit`.
    func claimIDs(tenant: TenantID, status: Claim.Status?, after: ClaimID?, limit: Int) throws -> [ClaimID]
    /// The patients of a tenant with an account, in the order the accounts were opened.
    func patientsWithAccounts(tenant: TenantID) throws -> [PatientKey]
    /// A patient's sessions logged with a date of service in a range, by date then logging order.
    func sessionIDs(tenant: TenantID, patient: PatientKey, from: LocalDate, through: LocalDate) throws -> [SessionID]
    /// The streams of a tenant's posted payments (`remit-…`), in the order they were received.
    func remittanceStreams(tenant: TenantID) throws -> [String]
}
