import Billing
import EventStore
import Foundation
import X12

/// An X12 file handed to the core: its bytes and the name it came with.
public struct X12Upload: Sendable {
    /// The bytes, exactly as received.
    public var bytes: [UInt8]
    /// The file's name (recorded with the raw file in the PHI store).
    public var fileName: String

    /// An upload.
    public init(bytes: [UInt8], fileName: String) {
        self.bytes = bytes
        self.fileName = fileName
    }
}

extension RevenueCycle {
    /// Posts an 835: each payment entirely or not at all, once. `tenant` restricts the posting to one
    /// practice; a payment that does not balance posts only with `acceptImbalance` and a reason.
    public func importRemittance(
        _ file: X12Upload, tenant: String?, acceptImbalance: Bool, reason: String?
    ) async throws -> [RemittanceImportService.PaymentOutcome] {
        let payments = try RemittanceImportService.payments(bytes: file.bytes, fileName: file.fileName)
        let company = try await backend.transaction { tx in try CompanyService().state(in: tx) }
        var outcomes: [RemittanceImportService.PaymentOutcome] = []
        for payment in payments {
            // One payment, one transaction: what posted stays posted whatever happens to the next.
            outcomes.append(
                try await transactionRetryingConflicts { tx, _ in
                    let tenants = try Self.resolve(nil, in: tx)
                    let selected = try tenant.map { try Self.resolve($0, in: tx) }
                    return try RemittanceImportService().importPayment(
                        payment, bytes: file.bytes, fileName: file.fileName, tenants: tenants, only: selected, company: company, acceptImbalance: acceptImbalance,
                        reason: reason, actor: tx.login, in: tx)
                })
        }
        var posted: [TenantID] = []
        for outcome in outcomes where outcome.status == .posted {
            if let id = outcome.practice?.id, !posted.contains(id) { posted.append(id) }
        }
        await afterCommit(posted.sorted())
        return outcomes
    }

    /// Imports a 999 or a 277CA; each acknowledgment counts once.
    public func importAcknowledgment(_ file: X12Upload, tenant: String?) async throws -> AcknowledgmentImportService.Outcome {
        let (outcome, tenants) = try await transactionRetryingConflicts { tx, _ in
            let tenants = try Self.resolve(tenant, in: tx)
            let outcome = try AcknowledgmentImportService().importFile(
                bytes: file.bytes, fileName: file.fileName, tenants: tenants, actor: tx.login, in: tx)
            return (outcome, tenants.map(\.id))
        }
        if outcome.accepted + outcome.rejected > 0 { await afterCommit(tenants) }
        return outcome
    }
}
