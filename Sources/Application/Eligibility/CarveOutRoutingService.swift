import Billing
import EventStore
import Foundation

/// `rcm eligibility route`: when a 271 names another payer for a patient's behavioral-health benefit, a person
/// confirms that the carve-out payer becomes the coverage to bill for behavioral-health codes. Confirmed, it
/// records an `eligibility.carve_out_routed` event carrying a coverage with the carve-out payer (same order and
/// relation as the card's, for the plan period the 271 gave), which scrub and submission add to the patient's coverages; from then on the scrubber refuses claims billed to the card's payer
/// (MH060). Unconfirmed, it only says what it would do.
public struct CarveOutRoutingService: Sendable {
    /// A service.
    public init() {}

    /// What routing did, or would do.
    public struct Outcome: Sendable {
        /// The sentence a clerk reads.
        public var message: String
        /// Whether it was recorded.
        public var recorded: Bool
    }

    /// Routes (with `confirm`) or proposes the route of the patient's behavioral-health benefit to `payer`.
    public func route(patient key: PatientKey, to payer: PayerID, confirm: Bool, context: CommandContext, in tx: any StoreTransaction) throws -> Outcome {
        let company = try CompanyService().state(in: tx)
        guard let target = company.payers[payer.rawValue] else { throw CommandRejected("payer \(payer) is not in the catalog (rcm payer add)") }
        let history = try EligibilityRecords.history(key, tenant: context.tenant.id, in: tx)
        let named = history.latest.values.filter { answer in
            guard let id = answer.check.carveOut?.x12PayerID else { return false }
            return target.identifiers.map { $0.uppercased() }.contains(id.uppercased())
        }.sorted { $0.on < $1.on }
        guard let answer = named.last, let carveOut = answer.check.carveOut else {
            throw CommandRejected("no 271 of patient \(key) names \(payer) (\(target.x12PayerID)) for the behavioral-health benefit; nothing routed")
        }
        let from = answer.check.payerID
        let patient = try PatientService().state(key, context: context, in: tx)
        guard let card = patient.coverages[answer.check.coverageID] else {
            throw CommandRejected("patient \(key) no longer has the coverage \(answer.check.coverageID) the 271 answered for")
        }
        var period = EffectivePeriod(
            from: max(answer.check.coverageBegin ?? answer.check.serviceDate, card.effective.from),
            through: [card.effective.through, answer.check.coverageEnd].compactMap { $0 }.min())
        if let existing = history.routes[from], existing.toPayerID == payer {
            // A later plan year (the 271 of a January check) renews the route: the coverage to bill then spans both.
            let known = existing.coverage.effective
            guard !known.covers(period) else {
                return Outcome(message: "patient \(key): behavioral health of \(from) is already routed to \(payer)", recorded: false)
            }
            period = known.union(period)
        }
        let proposal =
            "patient \(key): the 271 of \(answer.on) (trace \(answer.check.trace)) says \(carveOut.name) carries the behavioral-health benefit of \(from); "
            + "route behavioral-health claims to \(payer)"
        guard confirm else { return Outcome(message: proposal + ". Nothing recorded: add --confirm to route.", recorded: false) }
        let coverage = Coverage(
            id: CoverageID("\(card.id.rawValue)-bh-\(payer.rawValue)"), payerID: payer, order: card.order, relation: card.relation,
            effective: period)
        let routed = EligibilityEvent.CarveOutRouted(patientKey: key, fromPayerID: from, toPayerID: payer, coverage: coverage, trace: answer.check.trace)
        _ = try tx.log.append(
            AppendRequest(tenant: context.tenant.id, events: [try EligibilityRecords.newEvent(.carveOutRouted(routed), stream: EligibilityEvent.streamID(key), context: context)]))
        return Outcome(message: proposal + ": routed (coverage \(coverage.id) from \(coverage.effective.from)).", recorded: true)
    }

    /// The patient's eligibility as the log tells it: the latest answer per payer and the routes confirmed.
    public func history(_ key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws -> EligibilityHistory {
        try EligibilityRecords.history(key, tenant: context.tenant.id, in: tx)
    }

    /// Sets the days an eligibility check stays current for the practice.
    public func setPolicy(days: Int, context: CommandContext, in tx: any StoreTransaction) throws {
        guard days >= 1 else { throw CommandRejected("--days must be 1 or more") }
        _ = try tx.log.append(
            AppendRequest(
                tenant: context.tenant.id,
                events: [try EligibilityRecords.newEvent(.policySet(.init(days: days)), stream: EligibilityEvent.policyStreamID, context: context)]))
    }
}
