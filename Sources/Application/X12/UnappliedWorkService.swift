import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// Reconciling deposits: each posted payment folded from its stream, and the unapplied items a person works —
/// applied to a claim they name (with the import's own checks), held, released, or refunded to the payer.
struct UnappliedWorkService: Sendable {
    private let codec = EventCodec()

    /// A payment's ledger, folded from its stream.
    func ledger(stream: String, tenant: TenantID, in tx: any StoreTransaction) throws -> RemittanceLedger {
        var ledger = RemittanceLedger()
        for recorded in try tx.log.readWholeStream(tenant: tenant, stream: stream) {
            guard case .remittance(let event) = try codec.decode(
                eventType: recorded.eventType, schemaVersion: recorded.schemaVersion, payload: recorded.payload)
            else { continue }
            ledger.apply(event)
            ledger.version = recorded.streamVersion
        }
        return ledger
    }

    /// Every payment of a tenant, in the order received; with `trace`, only the streams that can hold it
    /// (`remit-<payer>-<trace>`), so one payment is found without folding them all.
    func ledgers(tenant: Tenant, trace: String? = nil, in tx: any StoreTransaction) throws -> [(stream: String, ledger: RemittanceLedger)] {
        try tx.readModels.remittanceStreams(tenant: tenant.id).filter { trace == nil || $0.hasSuffix("-\(trace!)") }
            .map { ($0, try ledger(stream: $0, tenant: tenant.id, in: tx)) }
    }

    /// The one payment of a tenant with this trace (and payer, when several payers used the same trace).
    func payment(trace: String, payer: String?, context: CommandContext, in tx: any StoreTransaction) throws -> (String, RemittanceLedger) {
        let found = try ledgers(tenant: context.tenant, trace: trace, in: tx).filter {
            $0.ledger.received?.traceNumber == trace && (payer == nil || $0.ledger.received?.payerID.rawValue == payer)
        }
        guard !found.isEmpty else { throw CommandRejected("\(context.tenant.slug) has no payment with trace \(trace)") }
        guard found.count == 1 else {
            let payers = found.compactMap { $0.ledger.received?.payerID.rawValue }.joined(separator: ", ")
            throw CommandRejected("trace \(trace) was used by several payers (\(payers)): name one with --payer")
        }
        return (found[0].stream, found[0].ledger)
    }

    /// The item, or a refusal naming what is wrong with it.
    func item(_ itemID: String, of ledger: RemittanceLedger, trace: String, allowed: Set<RemittanceLedger.ItemState>) throws -> RemittanceLedger.Item {
        guard let item = ledger.item(itemID) else {
            let ids = ledger.items.map(\.itemID).joined(separator: ", ")
            throw CommandRejected("payment \(trace) has no unapplied item \(itemID)\(ids.isEmpty ? "" : " (it has \(ids))")")
        }
        guard allowed.contains(item.state) else { throw CommandRejected("item \(itemID) of payment \(trace) is \(item.state.rawValue)") }
        return item
    }

    /// Appends one event of a person's work to the payment's stream, expecting the version it was read at.
    func record(_ event: RemittanceEvent, stream: String, version: Int64, context: CommandContext, in tx: any StoreTransaction) throws {
        let encoded = try codec.encode(BillingEvent.remittance(event))
        let new = NewEvent(
            streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion, json: encoded.payload,
            metadata: context.metadata(), effectiveDate: context.today.description)
        _ = try tx.log.append(AppendRequest(tenant: context.tenant.id, events: [new], expectations: [(stream, .exactly(version))]))
    }

    /// Posts an unapplied claim payment to the claim a person names, with the import's checks (the claim's payer,
    /// its lines and charges, the balancing of the claim payment); nothing is written when a check fails.
    func apply(
        _ itemID: String, trace: String, payer: String?, to number: ClaimNumber, context: CommandContext, in tx: any StoreTransaction
    ) throws -> Claim.State {
        let (stream, ledger) = try payment(trace: trace, payer: payer, context: context, in: tx)
        let item = try item(itemID, of: ledger, trace: trace, allowed: [.open, .held])
        guard item.entry.lineControlNumber == nil, item.entry.procedureCode == nil else {
            throw CommandRejected(
                "item \(itemID) is a service line of \(item.entry.patientControlNumber), not a whole claim payment: correct the claim and ask the payer to reprocess it")
        }
        guard let received = ledger.received else { throw CommandRejected("payment \(trace) has no record of its receipt") }
        let clp = try claimPayment(of: item, received: received, context: context, in: tx)
        var moved = clp.remittance
        moved.claims = [clp.payment]
        moved.claims[0].patientControlNumber = number.description
        let practice = try PracticeService().state(context, in: tx)
        var work = UnitOfWork(context: context)
        let stateStream = Claim.streamID(ClaimID(number.description))
        let loaded = try AggregateRepository().load(Claim.self, stream: stateStream, tenant: context.tenant.id, in: tx)
        guard loaded.version > 0, let key = loaded.state.patientKey else { throw CommandRejected("there is no claim \(number) in \(context.tenant.slug)") }
        let patient = try work.state(Patient.self, stream: Patient.streamID(key), in: tx)
        work.preload(Claim.self, stream: stateStream, state: loaded.state, version: loaded.version)
        let plan = RemittancePosting.plan(
            moved, lookup: RemittanceLookup(claims: [number: ClaimContext(claim: loaded.state, practice: practice, patient: patient)]),
            options: .init(receivedOn: received.paymentDate ?? context.today, payerID: received.payerID))
        if let refused = plan.unapplied.first { throw CommandRejected("item \(itemID) cannot be applied to \(number): \(refused.reason)") }
        for claimPlan in plan.claims {
            for command in claimPlan.commands {
                do { try work.runClaim(claimPlan.claimID, command, on: plan.effectiveDate, in: tx) } catch {
                    throw CommandRejected("claim \(number): \(error)")
                }
            }
        }
        let applied = try codec.encode(BillingEvent.remittance(.itemApplied(.init(itemID: itemID, claimNumber: number, paid: item.entry.paid))))
        let event = NewEvent(
            streamID: stream, eventType: applied.eventType, schemaVersion: applied.schemaVersion, json: applied.payload,
            metadata: context.metadata(), effectiveDate: plan.effectiveDate.description)
        _ = try work.append(leading: [], trailing: [event], extraExpectations: [(stream, .exactly(ledger.version))], idempotencyKey: nil, in: tx)
        return try work.state(Claim.self, stream: stateStream, in: tx)
    }

    /// The CLP an unapplied item was kept from, read again from the 835 in the PHI store.
    func claimPayment(
        of item: RemittanceLedger.Item, received: RemittanceEvent.Received, context: CommandContext, in tx: any StoreTransaction
    ) throws -> (remittance: Remittance, payment: ClaimPayment) {
        guard let bytes = try tx.phi.file(sha256: received.fileSHA256, tenant: context.tenant.id) else {
            throw CommandRejected("the 835 of payment \(received.traceNumber) is no longer kept; it cannot be applied")
        }
        let payments = try RemittanceImportService.payments(bytes: bytes, fileName: "\(received.fileSHA256).835")
        guard let remittance = payments.first(where: { $0.controlNumber == received.transactionControlNumber && $0.trace.number == received.traceNumber }),
            let payment = remittance.claims.first(where: {
                $0.patientControlNumber == item.entry.patientControlNumber && Money($0.paid) == item.entry.paid && Money($0.charge) == item.entry.charge
            })
        else { throw CommandRejected("item \(item.itemID) is no longer found in the 835 of payment \(received.traceNumber)") }
        return (remittance, payment)
    }
}
