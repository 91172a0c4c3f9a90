import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// `rcm ack import`: 999s accept or reject the transaction sets we sent (partially too); 277CAs accept or
/// reject single claims. Each acknowledgment becomes events on the claims it names, once: a repeated
/// file, or a claim acknowledged again by the same 277CA, appends nothing.
public struct AcknowledgmentImportService: Sendable {
    let claims = ClaimService()
    let phi = PHIStore()

    /// A service.
    public init() {}

    /// What the file did.
    public struct Outcome: Sendable {
        /// One line per transaction set (999) or claim (277CA): practice, claim or set, result.
        public var lines: [String] = []
        /// Claims accepted.
        public var accepted = 0
        /// Claims rejected.
        public var rejected = 0
        /// Acknowledgments already posted.
        public var repeated = 0
        /// Claims no practice has.
        public var unknown: [String] = []
        /// 999 transaction sets accepted (A, E) and the claims they carried.
        public var acceptedSets = 0, claimsInAcceptedSets = 0
        /// 999 transaction sets rejected (R, M, W, X).
        public var rejectedSets = 0
        /// What the clerk should check though the file posted (a 277CA dated before the claim it answers).
        public var warnings: [String] = []
        /// Whether the file was a 999 (the summary then counts transaction sets, not claims).
        public var isImplementationAcknowledgment = false
    }

    /// Imports a 999 or 277CA file for the given practices, in one transaction.
    public func importFile(bytes: [UInt8], fileName: String, tenants: [Tenant], actor: String, in tx: any StoreTransaction) throws -> Outcome {
        let file = try X12File(bytes: bytes, fileName: fileName)
        let acks999 = try file.implementationAcknowledgments().acknowledgments
        let acks277 = try file.claimAcknowledgments().acknowledgments
        guard !acks999.isEmpty || !acks277.isEmpty else {
            throw CommandRejected("\(fileName) holds no 999 or 277CA; use rcm era import for an 835")
        }
        let sha = SHA256Hex.of(bytes)
        var outcome = Outcome()
        outcome.isImplementationAcknowledgment = !acks999.isEmpty
        let company = try CompanyService().state(in: tx)
        var known = Set<String>()
        var unknown: [String] = []
        for tenant in tenants where tenant.kind == .practice {
            let context = CommandContext(tenant: tenant, actor: actor, source: "x12:\(sha)", today: CommandContext.today(in: tenant.timeZone))
            let lookup: (ClaimNumber) -> Claim.State? = { number in
                let loaded = try? AggregateRepository().load(Claim.self, stream: Claim.streamID(ClaimID(number.description)), tenant: tenant.id, in: tx)
                return (loaded?.version ?? 0) > 0 ? loaded?.state : nil
            }
            var commands: [AcknowledgmentCommand] = []
            var touched = false
            for ack in acks999 {
                let manifests = try InterchangeRecord.all(tenant: tenant.id, in: tx).map(\.manifest)
                let plan = AcknowledgmentPosting.plan(ack, submissions: manifests, receivedOn: context.today, claim: lookup)
                for set in plan.sets where set.matched {
                    touched = true
                    outcome.lines.append("\(tenant.slug): 999 set \(set.transactionControlNumber) \(set.accepted ? "accepted" : "rejected") (\(set.result)) \(set.claimNumbers.count) claim(s)\(set.errors.isEmpty ? "" : ": " + set.errors.joined(separator: "; "))")
                    if set.accepted {
                        known.formUnion(set.claimNumbers)
                        outcome.acceptedSets += 1
                        outcome.claimsInAcceptedSets += set.claimNumbers.count
                    } else {
                        outcome.rejectedSets += 1
                    }
                }
                commands += plan.commands
                unknown += plan.notes.filter { $0.reason == "unknown claim" }.map(\.claimNumber)
            }
            for ack in acks277 {
                let plan = AcknowledgmentPosting.plan(ack, receivedOn: context.today, claim: lookup)
                let (accepted, refusals) = Self.fromItsPayer(plan.commands, source: ack.source, company: company, claim: lookup)
                for warning in Self.datedBeforeSubmission(ack, answering: accepted, fileName: fileName, claim: lookup)
                where !outcome.warnings.contains(warning) {
                    outcome.warnings.append(warning)
                }
                commands += accepted
                for refusal in refusals where !outcome.lines.contains("\(tenant.slug): \(refusal)") { outcome.lines.append("\(tenant.slug): \(refusal)") }
                unknown += plan.notes.filter { $0.reason == "unknown claim" }.map(\.claimNumber)
                for note in plan.notes where note.reason != "unknown claim" {
                    known.insert(note.claimNumber)
                    if try tx.log.isKeyUsed(tenant: tenant.id, key: note.dedupeKey) {
                        outcome.repeated += 1
                        continue
                    }
                    outcome.lines.append("\(tenant.slug): claim \(note.claimNumber) \(note.codes): \(note.reason)")
                }
            }
            if !commands.isEmpty || touched { try phi.storeFile(bytes, direction: "inbound", kind: acks999.isEmpty ? "277CA" : "999", fileName: fileName, tenant: tenant.id, in: tx) }
            for item in commands {
                known.insert(item.claimNumber.description)
                if try tx.log.isKeyUsed(tenant: tenant.id, key: item.dedupeKey) {
                    outcome.repeated += 1
                    continue
                }
                try claims.run(item.claimID, item.command, patient: nil, on: context.today, context: context, idempotencyKey: item.dedupeKey, in: tx)
                if case .reject(let category, let code, _, _) = item.command {
                    outcome.rejected += 1
                    outcome.lines.append("\(tenant.slug): claim \(item.claimNumber) rejected \(category):\(code)")
                } else {
                    outcome.accepted += 1
                    outcome.lines.append("\(tenant.slug): claim \(item.claimNumber) accepted")
                }
            }
        }
        outcome.unknown = Array(Set(unknown).subtracting(known)).sorted()
        return outcome
    }

    /// The commands of a 277CA whose source is a payer (2100A NM1*PR) that the claims were billed to: the source is
    /// matched to the catalog by its X12 payer id and aliases, never by our id. A clearinghouse's 277CA (NM1*AY) is
    /// taken for any payer. Returns the commands kept and, for the others, why.
    static func fromItsPayer(
        _ commands: [AcknowledgmentCommand], source: ClaimAcknowledgment.Entity, company: CompanyState, claim: (ClaimNumber) -> Claim.State?
    ) -> ([AcknowledgmentCommand], [String]) {
        guard source.entity == "PR" else { return (commands, []) }
        let ids = [source.id].compactMap { $0 }.filter { !$0.isEmpty }
        let named = "277CA from payer \(source.name.last) (\(ids.joined(separator: ", ")))"
        let payers = company.payers(answeringTo: ids)
        guard payers.count == 1, let payer = payers.first else {
            let why = payers.isEmpty ? "matches no payer of the catalog" : "matches several payers of the catalog"
            return ([], commands.isEmpty ? [] : ["\(named) \(why): nothing recorded"])
        }
        var kept: [AcknowledgmentCommand] = []
        var refusals: [String] = []
        for command in commands {
            let billed = claim(command.claimNumber)?.payerID?.rawValue
            if billed == payer.payerID {
                kept.append(command)
            } else {
                refusals.append("claim \(command.claimNumber) is billed to \(billed ?? "no payer"), not \(payer.payerID): \(named) not recorded for it")
            }
        }
        return (kept, refusals)
    }
}
