import Billing
import EventStore
import Foundation

/// A login, its group and the practices it is assigned to.
public struct StaffMember: Sendable, Equatable {
    /// The login.
    public var login: String
    /// staff, auditor or analyst.
    public var group: String
    /// Slugs of the practices assigned, sorted.
    public var practices: [String]
}

extension RevenueCycle {
    /// Onboards a practice: its tenant, log and billing-provider details (owner login).
    public func onboardPractice(_ profile: PracticeProfile) async throws -> Tenant {
        try await administration(asOwner: true) { tx, actor, today in try CompanyService().onboard(profile, actor: actor, today: today, in: tx) }
    }

    /// The tenants this login may see.
    public func tenants() async throws -> [Tenant] {
        try await backend.transaction { tx in try tx.directory.list() }
    }

    /// Offboards a practice: destroys its identifying data, records it; returns (identities, files) destroyed.
    public func offboardPractice(_ tenant: String, reason: String) async throws -> (identities: Int, files: Int) {
        try await inTenant(tenant, reason: reason, asOwner: true) { tx, context in try OffboardingService().offboard(context: context, in: tx) }
    }

    /// Sets the submitter identity used on every 837P (owner login).
    public func configureSubmitter(_ submitter: SubmitterProfile) async throws {
        try await ensureCompany()
        try await administration { tx, actor, today in try CompanyService().configureSubmitter(submitter, actor: actor, today: today, in: tx) }
    }

    /// Adds a payer to the company's catalog (owner login).
    public func addPayer(_ payer: PayerProfile) async throws {
        try await ensureCompany()
        try await administration { tx, actor, today in try CompanyService().addPayer(payer, actor: actor, today: today, in: tx) }
    }

    /// Changes a catalog payer's name, X12 payer id or aliases from a business date on (owner login): what is not
    /// given stays as it is; aliases are added to and removed from the current list.
    public func updatePayer(
        _ payerID: String, name: String? = nil, x12PayerID: String? = nil, addAliases: [String] = [], removeAliases: [String] = [],
        effectiveFrom: LocalDate
    ) async throws {
        try await ensureCompany()
        try await administration { tx, actor, today in
            let state = try CompanyService().state(in: tx)
            guard let current = state.payers[payerID] else { throw CommandRejected("payer \(payerID) is not in the catalog") }
            let missing = removeAliases.filter { !current.aliases.contains($0) }
            guard missing.isEmpty else { throw CommandRejected("\(payerID) has no alias \(missing.joined(separator: ", "))") }
            var aliases = current.aliases.filter { !removeAliases.contains($0) }
            aliases += addAliases.filter { !aliases.contains($0) }
            let update = PayerUpdated(
                payerID: payerID, name: name ?? current.name, x12PayerID: x12PayerID ?? current.x12PayerID, aliases: aliases,
                effectiveFrom: effectiveFrom)
            try CompanyService().updatePayer(update, actor: actor, today: today, in: tx)
        }
    }

    /// One catalog payer with every version of its identity.
    public func payer(_ payerID: String) async throws -> (current: PayerProfile, history: [PayerVersion]) {
        let state = try await companyState()
        guard let current = state.payers[payerID] else { throw CommandRejected("payer \(payerID) is not in the catalog") }
        return (current, state.payerHistory[payerID] ?? [])
    }

    /// The payer catalog, by our id.
    public func payers() async throws -> [PayerProfile] {
        try await companyState().payers.values.sorted { $0.payerID < $1.payerID }
    }

    /// The company's folded state (practices, payers, staff, submitter).
    public func companyState() async throws -> CompanyState {
        try await administration { tx, _, _ in try CompanyService().state(in: tx) }
    }

    /// Creates a person's login in a group (staff, auditor, analyst) and records it; true when it was created.
    @discardableResult
    public func addStaff(login: String, group: String, password: String?) async throws -> Bool {
        try await ensureCompany()
        return try await administration { tx, actor, today in
            try CompanyService().addStaff(login: login, group: group, password: password, actor: actor, today: today, in: tx)
        }
    }

    /// Assigns a login to a practice.
    public func assignStaff(login: String, to tenant: String) async throws {
        try await inTenant(tenant, asOwner: true) { tx, context in
            try CompanyService().assign(login: login, to: context.tenant, actor: context.actor, today: context.today, in: tx)
        }
    }

    /// Logins, groups and the practices each is assigned to.
    public func staff() async throws -> [StaffMember] {
        let state = try await companyState()
        let slugs = state.practices.mapValues(\.slug)
        return state.staff.keys.sorted().map { login in
            StaffMember(
                login: login, group: state.staff[login] ?? "", practices: (state.assignments[login] ?? []).compactMap { slugs[$0] }.sorted())
        }
    }

    /// After restoring a backup: rebuilds head rows, idempotency keys and staff assignments; returns tenants.
    public func restoreDerivedState() async throws -> Int {
        try await backend.ownerTransaction { tx in try tx.directory.restoreDerived() }
    }

    /// Creates the company's tenant when it does not exist yet (owners only), in a transaction of its own
    /// as the owner role: the commands that then append company events run as the person who acts, and no
    /// transaction mixes the owner's writes of shared tables with that person's reads (decision 0013).
    func ensureCompany() async throws {
        try await backend.ownerTransaction { tx in
            _ = try CompanyService().ensureCompany(in: tx)
        }
    }
}
