import Billing
import EventStore
import Foundation
import X12

/// `rcm status import`: a 277 (005010X212) answers the 276s we sent. Each claim must echo one of our traces and come
/// from the payer asked; otherwise nothing is written. Each answer is one `status.reported` on the claim's
/// `status-<claim>` stream, keyed by its trace: a second import appends nothing.
public struct ClaimStatusImportService: Sendable {
    /// A service.
    public init() {}

    /// What the file did.
    public struct Outcome: Sendable {
        /// One line per claim: practice, claim, status, where it goes.
        public var lines: [String] = []
        /// Answers recorded.
        public var recorded = 0
        /// Answers already recorded.
        public var repeated = 0
    }

    /// Imports a 277 for the given practices, in the caller's transaction.
    public func importFile(bytes: [UInt8], fileName: String, tenants: [Tenant], actor: String, in tx: any StoreTransaction) throws -> Outcome {
        let responses: [ClaimStatusResponse]
        do {
            responses = try X12File(bytes: bytes, fileName: fileName).claimStatusResponses().responses
        } catch {
            throw CommandRejected("\(fileName) is not a readable 277: \(error.description)")
        }
        guard !responses.isEmpty else { throw CommandRejected("\(fileName) holds no 277 claim status response (005010X212); a 277CA goes to rcm ack import") }
        let company = try CompanyService().state(in: tx)
        var sent: [String: (Tenant, PayerID, ClaimID)] = [:]
        for tenant in tenants where tenant.kind == .practice {
            for record in try tx.log.readWholeStream(tenant: tenant.id, stream: ClaimStatusEvent.inquiriesStreamID) {
                guard case .inquirySent(let inquiry) = try ClaimStatusService.codec.decode(ClaimStatusEvent.self, record.eventType, record.schemaVersion, record.payload)
                else { continue }
                for claim in inquiry.claims { sent[claim.trace] = (tenant, inquiry.payerID, claim.claimID) }
            }
        }
        var reports: [(Tenant, ClaimStatusEvent.Reported)] = []
        var refusals: [String] = []
        for response in responses {
            let payers = company.payers(answeringTo: [response.payer.id])
            guard payers.count == 1, let payer = payers.first.map({ PayerID($0.payerID) }) else {
                refusals.append("277 \(response.controlNumber): payer \(response.payer.name) (\(response.payer.id)) is not a payer of the catalog")
                continue
            }
            for answer in response.claims {
                guard let (tenant, asked, claim) = sent[answer.trace] else {
                    refusals.append("TRN*2 \(answer.trace) at segment \(answer.segmentNumber) answers no 276 we sent")
                    continue
                }
                guard asked == payer else {
                    refusals.append("TRN*2 \(answer.trace) at segment \(answer.segmentNumber): the 276 asked \(asked) but \(payer) answered")
                    continue
                }
                guard let status = answer.statuses.first else { continue }
                reports.append(
                    (tenant,
                     ClaimStatusEvent.Reported(
                        claimID: claim, payerID: payer, trace: answer.trace, category: status.category, code: status.code, entity: status.entity,
                        statusDate: status.date.map { LocalDate(year: $0.year, month: $0.month, day: $0.day)! }, amount: status.amount.map { Money(cents: $0.cents) },
                        payerClaimNumber: answer.payerClaimNumber, followUp: ClaimFollowUp.of(category: status.category))))
            }
        }
        guard refusals.isEmpty else { throw CommandRejected("\(fileName): nothing imported:\n  " + refusals.joined(separator: "\n  ")) }
        let sha = SHA256Hex.of(bytes)
        var outcome = Outcome()
        var stored = Set<TenantID>()
        for (tenant, report) in reports {
            let key = "status:277:\(report.trace)"
            if try tx.log.isKeyUsed(tenant: tenant.id, key: key) {
                outcome.repeated += 1
                continue
            }
            if stored.insert(tenant.id).inserted {
                try PHIStore().storeFile(bytes, direction: "inbound", kind: "277", fileName: fileName, tenant: tenant.id, in: tx)
            }
            let context = CommandContext(tenant: tenant, actor: actor, source: "x12:\(sha)", today: CommandContext.today(in: tenant.timeZone))
            let event = try ClaimStatusService.newEvent(.reported(report), stream: ClaimStatusEvent.streamID(report.claimID), context: context)
            _ = try tx.log.append(AppendRequest(tenant: tenant.id, events: [event], idempotencyKey: key))
            outcome.recorded += 1
            let where_: String
            switch report.followUp {
            case .expectingRemittance: where_ = "finalized: expecting the 835"
            case .pending: where_ = "pending: keeps waiting"
            case .worklist: where_ = "to the worklist (rcm status worklist)"
            }
            outcome.lines.append("\(tenant.slug): claim \(report.claimID) \(report.category):\(report.code)\(report.entity.map { ":" + $0 } ?? "") \(where_)")
        }
        return outcome
    }
}
