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
        var lines: [Int: String] = [:]
        // Per practice: one look-up of the keys used, the file kept once, one append call per chunk, each answer under
        // its own key (a re-import, or a file overlapping an earlier one, appends no answer twice).
        for (tenantID, indices) in KeyedAnswers.byTenant(reports, { $0.0.id }) {
            let tenant = reports[indices[0]].0
            let used = try KeyedAnswers.used(indices.map { Self.idempotencyKey(reports[$0].1) }, tenant: tenantID, in: tx)
            let fresh = indices.filter { !used.contains(Self.idempotencyKey(reports[$0].1)) }
            outcome.repeated += indices.count - fresh.count
            guard !fresh.isEmpty else { continue }
            try PHIStore().storeFile(bytes, direction: "inbound", kind: "277", fileName: fileName, tenant: tenantID, in: tx)
            let context = CommandContext(tenant: tenant, actor: actor, source: "x12:\(sha)", today: CommandContext.today(in: tenant.timeZone))
            let events = try fresh.map { index in
                let report = reports[index].1
                let event = try ClaimStatusService.newEvent(.reported(report), stream: ClaimStatusEvent.streamID(report.claimID), context: context)
                return KeyedEvent(event, idempotencyKey: Self.idempotencyKey(report))
            }
            for (offset, result) in try KeyedAnswers.append(events, tenant: tenantID, in: tx).enumerated() {
                guard !result.replayed else {
                    outcome.repeated += 1
                    continue
                }
                outcome.recorded += 1
                lines[fresh[offset]] = Self.line(reports[fresh[offset]].1, tenant: tenant)
            }
        }
        outcome.lines = lines.sorted { $0.key < $1.key }.map(\.value)
        return outcome
    }

    /// The idempotency key of an answer: its trace.
    static func idempotencyKey(_ report: ClaimStatusEvent.Reported) -> String { "status:277:\(report.trace)" }

    /// What the import prints for an answer recorded.
    static func line(_ report: ClaimStatusEvent.Reported, tenant: Tenant) -> String {
        let where_: String
        switch report.followUp {
        case .expectingRemittance: where_ = "finalized: expecting the 835"
        case .pending: where_ = "pending: keeps waiting"
        case .worklist: where_ = "to the worklist (rcm status worklist)"
        }
        return "\(tenant.slug): claim \(report.claimID) \(report.category):\(report.code)\(report.entity.map { ":" + $0 } ?? "") \(where_)"
    }
}
