import Billing
import BillingX12
import EventStore
import Foundation
import X12

/// `rcm era import`: posts an 835 to the cent, one payment (transaction set) at a time, each entirely or
/// not at all.
///
/// Each payment is matched to its practice by the payee's NPI (then tax id); it is posted once, keyed by
/// payer id, trace number (TRN02), amount (BPR02) and date (BPR16), with the file's SHA-256 and ST
/// control number as its source; an unbalanced payment is refused unless accepted with a reason.
public struct RemittanceImportService: Sendable {
    let claims = ClaimService()
    let phi = PHIStore()

    /// A service.
    public init() {}

    /// What became of a payment.
    public enum PaymentStatus: String, Sendable {
        /// Posted now.
        case posted
        /// Posted before; nothing posted twice.
        case skipped
        /// Not posted (see the message).
        case refused
    }

    /// What happened to one payment.
    public struct PaymentOutcome: Sendable {
        /// Posted, skipped (already posted) or refused.
        public var status: PaymentStatus
        /// The practice, when matched.
        public var practice: Tenant?
        /// Payer, trace, amount, date.
        public var key: String
        /// The ST control number.
        public var transactionControlNumber: String
        /// Claims posted.
        public var claimsPosted: Int
        /// Claim payments or lines kept as unapplied remittance.
        public var unapplied: [String]
        /// Provider-level adjustments recorded.
        public var providerAdjustments: Int
        /// Denials opened.
        public var denialsOpened: Int
        /// Lines paid below the contracted rate.
        public var underpaidLines: Int
        /// Why it was refused or skipped.
        public var message: String?
        /// What the clerk should check though the payment posted (a copay the coverage contradicts).
        public var warnings: [String] = []
    }

    /// Posts every payment of a file. `tenants` are the practices the login may post to (all it may see,
    /// or the one named by `--tenant`); `only` restricts to one of them.
    public func importFile(
        bytes: [UInt8], fileName: String, tenants: [Tenant], only: Tenant?, acceptImbalance: Bool, reason: String?, actor: String,
        in tx: any StoreTransaction
    ) throws -> [PaymentOutcome] {
        let company = try CompanyService().state(in: tx)
        return try Self.payments(bytes: bytes, fileName: fileName).map { remittance in
            try importPayment(
                remittance, bytes: bytes, fileName: fileName, tenants: tenants, only: only, company: company, acceptImbalance: acceptImbalance,
                reason: reason, actor: actor, in: tx)
        }
    }

    /// The payments (835 transaction sets) of a file; throws naming the segment when the file is malformed.
    public static func payments(bytes: [UInt8], fileName: String) throws -> [Remittance] {
        try X12File(bytes: bytes, fileName: fileName).remittances().remittances
    }

    /// Posts one payment of a file entirely or not at all (a savepoint in the caller's transaction). `company` is the
    /// catalog and practices the file is matched against, folded once per file by the caller.
    public func importPayment(
        _ remittance: Remittance, bytes: [UInt8], fileName: String, tenants: [Tenant], only: Tenant?, company: CompanyState,
        acceptImbalance: Bool, reason: String?, actor: String, in tx: any StoreTransaction
    ) throws -> PaymentOutcome {
        if acceptImbalance && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw CommandRejected("accepting a payment that does not balance needs a reason")
        }
        let keyText =
            "\(remittance.payerIdentifier ?? "?")|\(remittance.trace.number)|\(Money(remittance.payment.signedAmount))|\(remittance.payment.date.map { LocalDate($0).description } ?? "")"
        var outcome = PaymentOutcome(
            status: .refused, practice: nil, key: keyText, transactionControlNumber: remittance.controlNumber, claimsPosted: 0, unapplied: [],
            providerAdjustments: 0, denialsOpened: 0, underpaidLines: 0, message: nil)
        let payers = company.payers(answeringTo: Self.payerIdentifiers(remittance))
        guard payers.count == 1, let payer = payers.first else {
            let named = "payer \(remittance.payer.name) (\(Self.payerIdentifiers(remittance).joined(separator: ", ")))"
            outcome.message =
                payers.isEmpty
                ? "\(named) matches no payer of the catalog; add it with rcm payer add, or its id as an alias with rcm payer update"
                : "\(named) matches several payers of the catalog: \(payers.map(\.payerID).joined(separator: ", "))"
            return outcome
        }
        guard let tenant = match(remittance.payee, company: company, tenants: tenants) else {
            outcome.message = "payee \(remittance.payee.name) (\(remittance.payee.idQualifier) \(remittance.payee.id)) matches no practice this login may post to"
            return outcome
        }
        outcome.practice = tenant
        if let only, only.id != tenant.id {
            outcome.message = "payee \(remittance.payee.name) is practice \(tenant.slug), not \(only.slug)"
            return outcome
        }
        let context = CommandContext(
            tenant: tenant, actor: actor, source: "x12:\(SHA256Hex.of(bytes)):\(remittance.controlNumber)", reason: acceptImbalance ? reason : nil,
            today: CommandContext.today(in: tenant.timeZone))
        do {
            try tx.nested {
                try post(
                    remittance, payer: payer, bytes: bytes, fileName: fileName, acceptImbalance: acceptImbalance, context: context, outcome: &outcome,
                    in: tx)
            }
        } catch let skip as AlreadyPosted {
            outcome.status = .skipped
            outcome.message = skip.description
        } catch {
            outcome.status = .refused
            outcome.claimsPosted = 0
            outcome.message = String(describing: error)
        }
        return outcome
    }

    struct AlreadyPosted: Error, CustomStringConvertible {
        let description = "already posted; nothing posted twice"
    }

    /// The ids an 835 names its payer by: REF*2U, TRN03 (`1` + the payer's EIN), TRN04.
    static func payerIdentifiers(_ remittance: Remittance) -> [String] {
        var ids: [String] = []
        for id in [remittance.payer.identifier, remittance.trace.originatorID, remittance.trace.supplementalCode] {
            if let id, !id.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Each CLP of the payment that posts to a claim of ours, as the 835 states it.
    static func postedClaims(_ remittance: Remittance, plan: RemittancePlan) -> [RemittanceEvent.PostedClaim] {
        let posted = Set(plan.claims.map(\.claimNumber))
        return remittance.claims.compactMap { clp in
            guard let number = ClaimNumber(clp.patientControlNumber), posted.contains(number) else { return nil }
            return RemittanceEvent.PostedClaim(
                claimNumber: number, statusCode: clp.status, payerClaimNumber: clp.payerClaimNumber, charge: Money(clp.charge),
                paid: Money(clp.paid), patientResponsibility: clp.patientResponsibility.map { Money($0) })
        }
    }

    /// The payment's key: payer, payee, trace, amount and date. A repeat is the same deposit; the same payer,
    /// payee and trace with another amount or date is a corrected re-send.
    static func paymentKey(_ plan: RemittancePlan, payee: Remittance.Payee) -> String {
        "835:\(plan.key.payerID)|\(payee.idQualifier):\(payee.id)|\(plan.key.traceNumber)|\(plan.key.amount)|\(plan.key.paymentDate ?? "")"
    }

    /// The key payments were posted under before payers were matched to the catalog (the 835's own payer id,
    /// no payee): still honoured, so a file posted then is not posted again.
    static func legacyPaymentKey(_ plan: RemittancePlan, remittance: Remittance) -> String {
        "835:\(remittance.payerIdentifier ?? "")|\(plan.key.traceNumber)|\(plan.key.amount)|\(plan.key.paymentDate ?? "")"
    }

    /// A corrected re-send: this payer already paid this practice under the same trace, with another amount or date.
    struct CorrectedResend: Error, CustomStringConvertible {
        let trace: String
        let earlier: RemittanceEvent.Received
        var description: String {
            "trace \(trace) was already posted for \(earlier.amount) on \(earlier.paymentDate?.description ?? "no date"): this is a corrected re-send, not a second deposit; nothing posted (review it and post its claims with rcm era apply)"
        }
    }

    /// The payment this payer made to this practice under `trace` before, if any.
    func earlierPayment(payer: PayerID, trace: String, context: CommandContext, in tx: any StoreTransaction) throws -> RemittanceEvent.Received? {
        let stream = RemittanceEvent.streamID(payerID: payer, traceNumber: trace)
        guard let first = try tx.log.readStream(tenant: context.tenant.id, stream: stream, from: 1, limit: 1).first,
            case .remittance(.received(let received)) = try EventCodec().decode(
                eventType: first.eventType, schemaVersion: first.schemaVersion, payload: first.payload)
        else { return nil }
        return received
    }

    private func post(
        _ remittance: Remittance, payer: PayerProfile, bytes: [UInt8], fileName: String, acceptImbalance: Bool, context: CommandContext, outcome: inout PaymentOutcome,
        in tx: any StoreTransaction
    ) throws {
        let practice = try PracticeService().state(context, in: tx)
        var contexts: [ClaimNumber: ClaimContext] = [:]
        var work = UnitOfWork(context: context)
        for payment in remittance.claims {
            guard let number = ClaimNumber(payment.patientControlNumber), contexts[number] == nil else { continue }
            let stream = Claim.streamID(ClaimID(number.description))
            let loaded = try AggregateRepository().load(Claim.self, stream: stream, tenant: context.tenant.id, in: tx)
            guard loaded.version > 0, let key = loaded.state.patientKey else { continue }
            let patient = try work.state(Patient.self, stream: Patient.streamID(key), in: tx)
            work.preload(Claim.self, stream: stream, state: loaded.state, version: loaded.version)
            contexts[number] = ClaimContext(claim: loaded.state, practice: practice, patient: patient)
        }
        let plan = RemittancePosting.plan(
            remittance, lookup: RemittanceLookup(claims: contexts), options: .init(receivedOn: remittance.payment.date.map(LocalDate.init) ?? context.today, payerID: PayerID(payer.payerID)))
        if plan.requiresAcceptance && !acceptImbalance {
            throw CommandRejected(
                "the payment does not balance: BPR02 \(plan.balance.stated) but claims paid \(plan.balance.claimsPaid) less provider adjustments \(plan.balance.providerAdjustments) is \(plan.balance.computed) (difference \(plan.balance.difference)); post it with --accept-imbalance --reason TEXT")
        }
        let received = try Self.event(
            .received(
                .init(
                    payerID: PayerID(plan.key.payerID), traceNumber: plan.key.traceNumber, amount: plan.key.amount,
                    paymentDate: remittance.payment.date.map(LocalDate.init), transactionControlNumber: remittance.controlNumber,
                    fileSHA256: SHA256Hex.of(bytes), balanced: plan.balance.isBalanced, claims: remittance.claims.count,
                    payee: "\(remittance.payee.idQualifier):\(remittance.payee.id)", method: remittance.payment.method,
                    payerIdentifiers: Self.payerIdentifiers(remittance), postedClaims: Self.postedClaims(remittance, plan: plan),
                    providerAdjustmentTotal: plan.balance.providerAdjustments)),
            stream: RemittanceEvent.streamID(payerID: PayerID(plan.key.payerID), traceNumber: plan.key.traceNumber), date: plan.effectiveDate,
            context: context)
        let key = Self.paymentKey(plan, payee: remittance.payee)
        if try tx.log.isKeyUsed(tenant: context.tenant.id, key: key) { throw AlreadyPosted() }
        if try tx.log.isKeyUsed(tenant: context.tenant.id, key: Self.legacyPaymentKey(plan, remittance: remittance)) { throw AlreadyPosted() }
        if let earlier = try earlierPayment(payer: PayerID(payer.payerID), trace: plan.key.traceNumber, context: context, in: tx) {
            throw CorrectedResend(trace: plan.key.traceNumber, earlier: earlier)
        }
        // Every claim of the payment is decided in memory against its stream, then the whole payment is one append.
        for claimPlan in plan.claims {
            for command in claimPlan.commands {
                do {
                    try work.runClaim(claimPlan.claimID, command, on: plan.effectiveDate, in: tx)
                } catch {
                    throw CommandRejected("claim \(claimPlan.claimNumber): \(error)")
                }
            }
            outcome.claimsPosted += 1
            outcome.denialsOpened += claimPlan.openedDenials.count
            outcome.underpaidLines += claimPlan.underpaidLines.count
        }
        var extra: [NewEvent] = []
        for (index, item) in plan.unapplied.enumerated() {
            outcome.unapplied.append("\(item.patientControlNumber)\(item.lineControlNumber.map { " line \($0)" } ?? ""): \(item.reason) (paid \(item.paid))")
            extra.append(
                try Self.event(
                    .unapplied(
                        .init(
                            patientControlNumber: item.patientControlNumber, statusCode: item.statusCode, payerClaimNumber: item.payerClaimNumber,
                            lineControlNumber: item.lineControlNumber, procedureCode: item.procedureCode, charge: item.charge, paid: item.paid,
                            reason: item.reason.description, itemID: "U\(index + 1)")),
                    stream: received.streamID, date: plan.effectiveDate, context: context))
        }
        for adjustment in plan.providerAdjustments {
            extra.append(
                try Self.event(
                    .providerAdjustment(
                        .init(
                            providerID: adjustment.providerID, fiscalPeriodDate: adjustment.fiscalPeriodDate, reason: adjustment.reason,
                            reference: adjustment.reference, amount: adjustment.amount, kind: adjustment.kind, claimNumber: adjustment.claimNumber)),
                    stream: received.streamID, date: plan.effectiveDate, context: context))
            outcome.providerAdjustments += 1
        }
        let result = try work.append(leading: [received], trailing: extra, idempotencyKey: key, in: tx)
        if result.replayed { throw AlreadyPosted() }
        try phi.storeFile(bytes, direction: "inbound", kind: "835", fileName: fileName, tenant: context.tenant.id, in: tx)
        outcome.status = .posted
        outcome.warnings = CopayCheck.warnings(remittance, claims: contexts)
        outcome.message = plan.balance.isBalanced ? nil : "posted out of balance by \(plan.balance.difference), accepted: \(context.reason ?? "")"
    }

    static func event(_ event: RemittanceEvent, stream: String, date: LocalDate, context: CommandContext) throws -> NewEvent {
        let encoded = try EventCodec().encode(BillingEvent.remittance(event))
        return NewEvent(
            eventID: UUID(), streamID: stream, eventType: encoded.eventType, schemaVersion: encoded.schemaVersion,
            json: encoded.payload, metadata: context.metadata(), effectiveDate: date.description)
    }

    /// The practice whose billing NPI (then tax id) is the payee's.
    func match(_ payee: Remittance.Payee, company: CompanyState, tenants: [Tenant]) -> Tenant? {
        let candidates = tenants.filter { $0.kind == .practice && $0.status == .active }
        let profiles = candidates.compactMap { tenant in company.practices[tenant.id.description].map { (tenant, $0) } }
        let byNPI = profiles.filter { payee.npi != nil && $0.1.npi == payee.npi }
        if byNPI.count == 1 { return byNPI[0].0 }
        let pool = byNPI.isEmpty ? profiles : byNPI
        let taxID = payee.taxID ?? payee.references.first { $0.qualifier == "TJ" }?.value
        let byTax = pool.filter { taxID != nil && $0.1.taxID == taxID?.filter(\.isNumber) }
        return byTax.count == 1 ? byTax[0].0 : nil
    }
}
