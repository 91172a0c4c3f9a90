import Billing
import BillingX12
import EventStore
import Foundation

/// Claims: built from one patient's sessions for one payer, scrubbed, worked. Every command loads the
/// claim's stream, runs the decider and appends with the loaded version expected; the authorization and
/// patient-account consequences are appended in the same transaction.
public struct ClaimService: Sendable {
    let repository = AggregateRepository()
    let sessions = SessionService()
    let access = AccessLog()

    /// A service.
    public init() {}

    /// A new claim number: unique per tenant (it is also the stream id), at most 20 characters.
    public static func newClaimNumber() -> ClaimNumber {
        ClaimNumber("C" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12))!
    }

    /// A claim's state; throws when it does not exist.
    public func state(_ id: ClaimID, context: CommandContext, in tx: any StoreTransaction) throws -> Claim.State {
        let loaded = try repository.load(Claim.self, stream: Claim.streamID(id), tenant: context.tenant.id, in: tx)
        guard loaded.version > 0 else { throw CommandRejected("there is no claim \(id) in \(context.tenant.slug)") }
        return loaded.state
    }

    /// Creates a claim from sessions of one patient for one payer.
    public func create(
        patient key: PatientKey, payer: PayerID, sessionIDs: [SessionID], authorizationNumber: String? = nil,
        number: ClaimNumber = ClaimService.newClaimNumber(), practice: Practice.State, context: CommandContext, in tx: any StoreTransaction
    ) throws -> Claim.State {
        // A payer the catalog does not know is refused here; one it knows but the practice is not enrolled with is
        // the scrubber's finding (MH024), so the claim can wait for the enrolment.
        guard try CompanyService().state(in: tx).payers[payer.description] != nil else {
            let enrolled = practice.payers.keys.map(\.description).sorted().joined(separator: ", ")
            throw CommandRejected(
                "there is no payer \(payer) in the catalog: name one \(context.tenant.slug) bills (\(enrolled.isEmpty ? "none yet" : enrolled)), or add it with rcm payer add and enrol the practice with rcm payer enroll")
        }
        let records = try sessionIDs.map { try sessions.record($0, context: context, in: tx) }
        guard records.allSatisfy({ $0.patientKey == key }) else { throw CommandRejected("every session of a claim must be of patient \(key)") }
        let id = ClaimID(number.description)
        // COB: the claim goes to the payer in the order the patient's coverage with it holds on the first date of
        // service, so that the payer after it is the next one in that order.
        let patient = try repository.load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx).state
        let order = records.map(\.dateOfService).min().flatMap { patient.coverage(payer: payer, on: $0)?.order } ?? .primary
        let command = Claim.Command.create(
            claimID: id, claimNumber: number, payerID: payer, payerOrder: order, sessions: records,
            authorizationNumber: authorizationNumber,
            on: context.today, period: practice.postingPeriod(for: context.today))
        return try run(id, command, patient: key, on: context.today, context: context, in: tx)
    }

    /// Scrubs a claim against the practice's rules, the patient's coverage and the patient's other claims.
    public func scrub(_ id: ClaimID, practice: Practice.State, context: CommandContext, in tx: any StoreTransaction) throws -> Claim.State {
        let claim = try state(id, context: context, in: tx)
        guard let key = claim.patientKey else { throw CommandRejected("claim \(id) has no patient") }
        let patient = try repository.load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx).state
        let others = try claimIDs(of: key, context: context, in: tx).filter { $0 != id }.map { try state($0, context: context, in: tx) }
        // Whether the 837P can carry the identity, as facts: the scrubber (and so the log) never sees the PHI.
        let identity = try PHIStore().identity(key: key, tenant: context.tenant.id, in: tx).map(IdentityFacts.init(identity:))
        let eligibility = try EligibilityRecords.history(key, tenant: context.tenant.id, in: tx)
        let scrubContext = ScrubContext(
            practice: practice, patient: eligibility.routed(patient), otherClaims: others, today: context.today, identity: identity, eligibility: eligibility,
            eligibilityPolicyDays: try EligibilityRecords.policyDays(tenant: context.tenant.id, in: tx))
        return try run(id, .scrub(scrubContext, on: context.today), patient: key, on: context.today, context: context, in: tx)
    }

    /// Corrects a claim from its sessions' current records (after `rcm session correct`): a replacement
    /// (frequency 7) once the payer has adjudicated it.
    public func correct(_ id: ClaimID, reason: String, practice: Practice.State, context: CommandContext, in tx: any StoreTransaction) throws -> Claim.State {
        let claim = try state(id, context: context, in: tx)
        var seen = Set<SessionID>()
        let ids = claim.lines.map(\.sessionID).filter { seen.insert($0).inserted }
        let records = try ids.map { try sessions.record($0, context: context, in: tx) }
        return try run(
            id, .correct(sessions: records, reason: reason, on: context.today, period: practice.postingPeriod(for: context.today)),
            patient: claim.patientKey, on: context.today, context: context, in: tx)
    }

    /// Runs any claim command with the claim's life applied (`Claim.decideInLife`: reopened before a command that
    /// acts on a closed claim, closed once settled), then its authorization and account consequences, in the
    /// caller's transaction.
    @discardableResult
    public func run(
        _ id: ClaimID, _ command: Claim.Command, patient key: PatientKey?, on date: LocalDate, context: CommandContext,
        idempotencyKey: String? = nil, in tx: any StoreTransaction
    ) throws -> Claim.State {
        let (state, events) = try repository.execute(
            Claim.self, stream: Claim.streamID(id), command: command, effectiveDate: date, context: context,
            idempotencyKey: idempotencyKey, decide: Claim.decideInLife, in: tx)
        guard let key = key ?? state.patientKey else { return state }
        for event in events {
            for follow in Claim.authorizationCommands(for: event, patientKey: key) {
                try repository.execute(Patient.self, stream: Patient.streamID(key), command: follow, effectiveDate: date, context: context, in: tx)
            }
            for follow in Claim.accountCommands(for: event) {
                try repository.execute(
                    PatientAccount.self, stream: PatientAccount.streamID(key), command: follow, effectiveDate: date, context: context, in: tx)
            }
        }
        return state
    }

    /// Shows a claim's details, recording the read of PHI (its diagnoses) in the access log.
    public func show(_ id: ClaimID, purpose: String, context: CommandContext, in tx: any StoreTransaction) throws -> Claim.State {
        let claim = try state(id, context: context, in: tx)
        try access.record(record: "claim:\(id)", patientKey: claim.patientKey?.rawValue, purpose: purpose, sensitive: claim.substanceUse, context: context, in: tx)
        return claim
    }

    /// The claims of a patient, oldest first.
    public func claimIDs(of key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws -> [ClaimID] {
        try tx.readModels.claimIDs(tenant: context.tenant.id, patient: key, payer: nil)
    }

    /// The tenant's claims for one payer (a claim's payer is fixed when it is created), oldest first.
    public func claimIDs(payer: PayerID, context: CommandContext, in tx: any StoreTransaction) throws -> [ClaimID] {
        try tx.readModels.claimIDs(tenant: context.tenant.id, patient: nil, payer: payer)
    }

    /// Every claim of the tenant.
    public func allClaimIDs(context: CommandContext, in tx: any StoreTransaction) throws -> [ClaimID] {
        try tx.readModels.claimIDs(tenant: context.tenant.id, patient: nil, payer: nil)
    }
}
