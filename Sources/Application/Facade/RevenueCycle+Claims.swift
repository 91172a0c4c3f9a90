import Billing
import EventStore
import Foundation

/// A claim to create: one patient's sessions for one payer.
public struct CreateClaimRequest: Sendable {
    /// The practice's slug or id.
    public var tenant: String
    /// The patient.
    public var patient: PatientKey
    /// The payer (catalog id).
    public var payer: PayerID
    /// The sessions, all of the patient.
    public var sessions: [SessionID]
    /// The prior authorization number, if any.
    public var authorizationNumber: String?

    /// A request.
    public init(tenant: String, patient: PatientKey, payer: PayerID, sessions: [SessionID], authorizationNumber: String? = nil) {
        self.tenant = tenant
        self.patient = patient
        self.payer = payer
        self.sessions = sessions
        self.authorizationNumber = authorizationNumber
    }
}

/// A claim's 837P batch to write: a practice's scrubbed claims for one payer.
public struct SubmitClaimsRequest: Sendable {
    /// The practice's slug or id.
    public var tenant: String
    /// The payer (catalog id).
    public var payer: PayerID
    /// Only these claims (each must be the payer's and ready).
    public var only: [ClaimID]?
    /// Only claims whose first date of service is on or before this date.
    public var through: LocalDate?
    /// The directory the file is written to.
    public var directory: URL

    /// A request.
    public init(tenant: String, payer: PayerID, only: [ClaimID]? = nil, through: LocalDate? = nil, directory: URL) {
        self.tenant = tenant
        self.payer = payer
        self.only = only
        self.through = through
        self.directory = directory
    }
}

extension RevenueCycle {
    /// Creates a claim from sessions of one patient for one payer.
    public func createClaim(_ request: CreateClaimRequest) async throws -> Claim.State {
        try await inTenant(request.tenant) { tx, context in
            let practice = try PracticeService().state(context, in: tx)
            return try ClaimService().create(
                patient: request.patient, payer: request.payer, sessionIDs: request.sessions, authorizationNumber: request.authorizationNumber,
                practice: practice, context: context, in: tx)
        }
    }

    /// Scrubs claims: each claim's state after the scrubber's findings, in the order given.
    public func scrubClaims(_ ids: [ClaimID], tenant: String) async throws -> [(id: ClaimID, claim: Claim.State)] {
        try await inTenant(tenant) { tx, context in
            let practice = try PracticeService().state(context, in: tx)
            return try ids.map { id in (id, try ClaimService().scrub(id, practice: practice, context: context, in: tx)) }
        }
    }

    /// Shows a claim, recording the read of its diagnoses in the access log.
    public func showClaim(_ id: ClaimID, tenant: String, reason: String) async throws -> Claim.State {
        try await inTenant(tenant, reason: reason) { tx, context in try ClaimService().show(id, purpose: reason, context: context, in: tx) }
    }

    /// A practice's claims, optionally in one status, by claim number.
    public func listClaims(tenant: String, status: Claim.Status?) async throws -> [Claim.State] {
        try await inTenant(tenant) { tx, context in
            let service = ClaimService()
            return try service.allClaimIDs(context: context, in: tx).map { try service.state($0, context: context, in: tx) }
                .filter { status == nil || $0.status == status }
                .sorted { ($0.claimNumber?.description ?? "") < ($1.claimNumber?.description ?? "") }
        }
    }

    /// Corrects a claim from its sessions' amended records (a replacement once adjudicated).
    public func correctClaim(_ id: ClaimID, reason: String, tenant: String) async throws -> Claim.State {
        try await inTenant(tenant, reason: reason) { tx, context in
            let practice = try PracticeService().state(context, in: tx)
            return try ClaimService().correct(id, reason: reason, practice: practice, context: context, in: tx)
        }
    }

    /// Voids a claim; authorization units are released. A claim the payer adjudicated becomes `voidPending`: its
    /// frequency-8 claim goes with the next `submitClaims` for its payer; one it never adjudicated is `voided` here only.
    @discardableResult
    public func voidClaim(_ id: ClaimID, reason: String, tenant: String) async throws -> Claim.State {
        try await inTenant(tenant, reason: reason) { tx, context in
            let period = try PracticeService().state(context, in: tx).postingPeriod(for: context.today)
            return try ClaimService().run(
                id, .void(reason: reason, on: context.today, period: period), patient: nil, on: context.today, context: context, in: tx)
        }
    }

    /// Records an appeal of a denial.
    public func appealDenial(_ denial: DenialID, claim id: ClaimID, reference: String, tenant: String) async throws {
        try await inTenant(tenant) { tx, context in
            try ClaimService().run(id, .appeal(denial, reference: reference, on: context.today), patient: nil, on: context.today, context: context, in: tx)
        }
    }

    /// Assigns a denial to an owner (due date from the payer's appeal window unless given).
    public func assignDenial(_ denial: DenialID, claim id: ClaimID, owner: StaffID, due: LocalDate?, tenant: String) async throws {
        try await inTenant(tenant) { tx, context in
            try Self.requireStaff(owner, of: context, in: tx)
            try ClaimService().run(
                id, .assignDenial(denial, owner: owner, dueDate: due, on: context.today), patient: nil, on: context.today, context: context, in: tx)
        }
    }

    /// Refuses an owner who is not a login assigned to the practice.
    static func requireStaff(_ owner: StaffID, of context: CommandContext, in tx: any StoreTransaction) throws {
        let company = try CompanyService().state(in: tx)
        guard company.staff[owner.description] != nil else {
            throw CommandRejected("there is no login \(owner): add it with rcm staff add, then rcm staff assign it to \(context.tenant.slug)")
        }
        guard company.assignments[owner.description]?.contains(context.tenant.id.description) == true else {
            throw CommandRejected("login \(owner) does not work for \(context.tenant.slug): assign it first with rcm staff assign")
        }
    }

    /// Writes off part of a claim's balance with a reason; a patient-side write-off (small balance, bad debt) is
    /// written off the patient's account too, so that statements stop asking for it.
    public func writeOff(
        _ amount: Money, claim id: ClaimID, reason: WriteOffReason, side: BalanceSide, denial: DenialID?, tenant: String
    ) async throws {
        try await inTenant(tenant, reason: reason.rawValue) { tx, context in
            let period = try PracticeService().state(context, in: tx).postingPeriod(for: context.today)
            let claim = try ClaimService().run(
                id, .writeOff(amount: amount, reason: reason, side: side, denialID: denial, on: context.today, period: period), patient: nil,
                on: context.today, context: context, in: tx)
            if side == .patient, let key = claim.patientKey {
                try PatientPaymentService().writeOffAccount(patient: key, amount: amount, reason: reason, period: period, context: context, in: tx)
            }
        }
    }

    /// Writes an 837P interchange of a practice's ready claims for one payer and records them as submitted;
    /// nil when no claim was ready.
    public func submitClaims(_ request: SubmitClaimsRequest, now: Date = Date()) async throws -> SubmissionService.Result? {
        let counter = try await backend.interchangeCounter()
        return try await inTenant(request.tenant) { tx, context in
            try SubmissionService().submit(
                payer: request.payer, only: request.only, through: request.through, directory: request.directory, now: now, context: context, in: tx,
                nextControlNumber: counter)
        }
    }
}
