import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// `rcm eligibility import`: a 271 answers the 270s we sent. Every member loop must echo the trace of one of our
/// inquiries (TRN*2), come from the payer that inquiry asked (2100A, matched by X12 payer id and aliases) and
/// name the patient we asked about (NM109); otherwise nothing is written and each refusal is named with its
/// segment. Each answer becomes one `eligibility.checked` event on the patient's `eligibility-<key>` stream,
/// keyed by its trace, so importing the file again appends nothing.
public struct EligibilityImportService: Sendable {
    let phi = PHIStore()

    /// A service.
    public init() {}

    /// What the file did.
    public struct Outcome: Sendable {
        /// One line per answer recorded: practice, patient key, payer, status and what matters for billing.
        public var lines: [String] = []
        /// Answers recorded.
        public var recorded = 0
        /// Answers already recorded by an earlier import.
        public var repeated = 0
        /// Carve-outs named (routing proposed).
        public var carveOuts = 0
    }

    /// A member loop read: refused, or answering our inquiry (with the member id it returned and where it is), its
    /// patient still to be checked.
    enum Step {
        case refused(String)
        case answered(Match, String?, String)
    }

    /// One member loop matched to our inquiry.
    struct Match {
        var tenant: Tenant
        var sent: SentInquiry
        var payer: PayerID
        var facts: EligibilityFacts
    }

    /// Imports a 271 for the given practices, in the caller's transaction; throws before writing anything when a
    /// member loop answers no inquiry of ours, a payer or a patient we do not know. The answers are recorded on
    /// `today` (the demo's seeder passes its business date), else on each practice's business date.
    public func importFile(
        bytes: [UInt8], fileName: String, tenants: [Tenant], actor: String, today: LocalDate? = nil, in tx: any StoreTransaction
    ) throws -> Outcome {
        let responses: [EligibilityResponse]
        do {
            responses = try X12File(bytes: bytes, fileName: fileName).eligibilityResponses().responses
        } catch {
            throw CommandRejected("\(fileName) is not a readable 271: \(error.description)")
        }
        guard !responses.isEmpty else { throw CommandRejected("\(fileName) holds no 271 (005010X279A1)") }
        let company = try CompanyService().state(in: tx)
        var sentByTrace: [String: (Tenant, PayerID, SentInquiry)] = [:]
        for tenant in tenants where tenant.kind == .practice {
            for sent in try EligibilityRecords.inquiriesSent(tenant: tenant.id, in: tx) {
                for inquiry in sent.inquiries { sentByTrace[inquiry.trace] = (tenant, sent.payerID, inquiry) }
            }
        }
        // Each member loop answers one of our inquiries from the payer asked, or is refused; then the patients' identities
        // are read per practice in one call each (every read recorded) and each member id compared, in the file's order.
        var steps: [Step] = []
        for response in responses {
            let ids = [response.source.id].filter { !$0.isEmpty }
            let payers = company.payers(answeringTo: ids)
            guard payers.count == 1, let payer = payers.first.map({ PayerID($0.payerID) }) else {
                steps.append(.refused(
                    "271 \(response.controlNumber) (segment \(response.segmentNumber)): payer \(response.source.name) (\(response.source.id)) "
                        + (payers.isEmpty ? "is not a payer of the catalog" : "matches several payers of the catalog")))
                continue
            }
            for member in response.members {
                let at = "segment \(member.segmentNumber)"
                guard let trace = member.inquiryTrace else {
                    steps.append(.refused("the member loop at \(at) carries no TRN*2: it answers no inquiry we sent"))
                    continue
                }
                guard let (tenant, askedPayer, sent) = sentByTrace[trace] else {
                    steps.append(.refused("TRN*2 \(trace) at \(at) answers no inquiry we sent"))
                    continue
                }
                guard askedPayer == payer else {
                    steps.append(.refused("TRN*2 \(trace) at \(at): inquiry asked \(askedPayer) but \(payer) answered"))
                    continue
                }
                steps.append(.answered(Match(tenant: tenant, sent: sent, payer: payer, facts: EligibilityFacts(member)), member.member.memberID?.value, at))
            }
        }
        var identities: [TenantID: [PatientKey: PatientIdentity]] = [:]
        let answered = steps.compactMap { if case .answered(let match, _, _) = $0 { match } else { nil } }
        for (tenant, indices) in KeyedAnswers.byTenant(answered, \.tenant.id) {
            identities[tenant] = try phi.identities(keys: indices.map { answered[$0].sent.patientKey }, tenant: tenant, in: tx)
        }
        var matches: [Match] = []
        var refusals: [String] = []
        for step in steps {
            switch step {
            case .refused(let refusal): refusals.append(refusal)
            case .answered(let match, let returnedID, let at):
                let trace = match.sent.trace
                guard let identity = identities[match.tenant.id]?[match.sent.patientKey] else {
                    refusals.append("TRN*2 \(trace) at \(at): patient \(match.sent.patientKey) is unknown (identity destroyed)")
                    continue
                }
                if let returned = returnedID, !returned.isEmpty,
                    returned.uppercased() != identity.memberID.uppercased(), returned.uppercased() != identity.subscriberID?.uppercased()
                {
                    refusals.append("TRN*2 \(trace) at \(at): the member id answered is not the patient's we asked about (unknown patient)")
                    continue
                }
                matches.append(match)
            }
        }
        guard refusals.isEmpty else {
            throw CommandRejected("\(fileName): nothing imported:\n  " + refusals.joined(separator: "\n  "))
        }
        return try record(matches, bytes: bytes, fileName: fileName, actor: actor, today: today, company: company, in: tx)
    }

    /// The idempotency key of an answer: its trace.
    static func idempotencyKey(_ match: Match) -> String { "eligibility:271:\(match.sent.trace)" }

    /// Appends the answers not recorded before, per practice: one look-up of the keys used, the file kept once, one
    /// append call per chunk, each answer under its own key.
    func record(
        _ matches: [Match], bytes: [UInt8], fileName: String, actor: String, today: LocalDate?, company: CompanyState, in tx: any StoreTransaction
    ) throws -> Outcome {
        let sha = SHA256Hex.of(bytes)
        var outcome = Outcome()
        var lines: [Int: String] = [:]
        for (tenantID, indices) in KeyedAnswers.byTenant(matches, \.tenant.id) {
            let tenant = matches[indices[0]].tenant
            let used = try KeyedAnswers.used(indices.map { Self.idempotencyKey(matches[$0]) }, tenant: tenantID, in: tx)
            let fresh = indices.filter { !used.contains(Self.idempotencyKey(matches[$0])) }
            outcome.repeated += indices.count - fresh.count
            guard !fresh.isEmpty else { continue }
            try phi.storeFile(bytes, direction: "inbound", kind: "271", fileName: fileName, tenant: tenantID, in: tx)
            let context = CommandContext(tenant: tenant, actor: actor, source: "x12:\(sha)", today: today ?? CommandContext.today(in: tenant.timeZone))
            var checks: [EligibilityEvent.Checked] = []
            var events: [KeyedEvent] = []
            for index in fresh {
                let match = matches[index]
                let facts = match.facts
                let checked = EligibilityEvent.Checked(
                    patientKey: match.sent.patientKey, coverageID: match.sent.coverageID, payerID: match.payer, trace: match.sent.trace,
                    serviceDate: match.sent.serviceDate, status: facts.status, coverageBegin: facts.coverageBegin, coverageEnd: facts.coverageEnd,
                    planName: facts.planName, benefits: facts.benefits, carveOut: facts.carveOut, rejectReasons: facts.rejectReasons)
                checks.append(checked)
                let event = try EligibilityRecords.newEvent(.checked(checked), stream: EligibilityEvent.streamID(match.sent.patientKey), context: context)
                events.append(KeyedEvent(event, idempotencyKey: Self.idempotencyKey(match)))
            }
            for (offset, result) in try KeyedAnswers.append(events, tenant: tenantID, in: tx).enumerated() {
                guard !result.replayed else {
                    outcome.repeated += 1
                    continue
                }
                let checked = checks[offset]
                outcome.recorded += 1
                if checked.carveOut != nil { outcome.carveOuts += 1 }
                lines[fresh[offset]] = "\(tenant.slug): " + EligibilitySummary.line(checked, tenant: tenant.slug, company: company)
            }
        }
        outcome.lines = lines.sorted { $0.key < $1.key }.map(\.value)
        return outcome
    }
}
