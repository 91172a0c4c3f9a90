import Billing
import EventStore
import Foundation
import Postgres

/// Administration of the billing company: its own tenant, practices, the payer catalog, staff logins
/// and their assignments. Onboarding and assignments need an owner login.
public struct CompanyService: Sendable {
    let repository = AggregateRepository()

    /// A service.
    public init() {}

    /// The company tenant, created on first use (owners only).
    public func ensureCompany(slug: String = "company", timeZone: String = "America/New_York", in session: DatabaseSession) throws -> Tenant {
        if let company = try TenantDirectory.company(in: session) { return company }
        return try TenantDirectory.create(id: TenantID(UUID()), slug: slug, kind: .company, timeZone: timeZone, in: session)
    }

    /// The company's folded state.
    public func state(in session: DatabaseSession) throws -> CompanyState {
        guard let company = try TenantDirectory.company(in: session) else { return CompanyState() }
        return try CompanyState.load(company: company.id, in: session)
    }

    /// Onboards a practice: creates its tenant and log, records `company.practice_onboarded`, and
    /// configures the practice aggregate, all in one transaction.
    public func onboard(_ profile: PracticeProfile, actor: String, today: LocalDate, in session: DatabaseSession) throws -> Tenant {
        guard NPI.isValid(profile.npi) else { throw CommandRejected("NPI \(profile.npi) is not valid (10 digits with a correct check digit)") }
        guard profile.zip.count == 9, profile.zip.allSatisfy(\.isNumber) else {
            throw CommandRejected("the billing address needs a 9-digit ZIP code (ZIP+4), not \(profile.zip)")
        }
        guard profile.taxID.count == 9, profile.taxID.allSatisfy(\.isNumber) else {
            throw CommandRejected("the tax id must be 9 digits")
        }
        guard TimeZone(identifier: profile.timeZone) != nil else {
            throw CommandRejected("\(profile.timeZone) is not a time zone name such as America/Chicago")
        }
        if try TenantDirectory.find(profile.slug, in: session) != nil { throw CommandRejected("a tenant \(profile.slug) already exists") }
        let company = try ensureCompany(in: session)
        let tenant = try TenantDirectory.create(
            id: TenantID(UUID(uuidString: profile.tenantID) ?? UUID()), slug: profile.slug, kind: .practice,
            timeZone: profile.timeZone, in: session)
        var stored = profile
        stored.tenantID = tenant.id.description
        let companyContext = CommandContext(tenant: company, actor: actor, today: today)
        try CompanyEvent.append([.practiceOnboarded(stored)], context: companyContext, in: session)
        try repository.execute(
            Practice.self, stream: Practice.streamID,
            command: .configure(practiceID: PracticeID(profile.slug), timeZone: profile.timeZone, on: today), effectiveDate: today,
            context: companyContext.forTenant(tenant), in: session)
        return tenant
    }

    /// Adds a payer to the company's catalog.
    public func addPayer(_ payer: PayerProfile, actor: String, today: LocalDate, in session: DatabaseSession) throws {
        let company = try ensureCompany(in: session)
        let state = try CompanyState.load(company: company.id, in: session)
        guard state.payers[payer.payerID] == nil else { throw CommandRejected("payer \(payer.payerID) is already in the catalog") }
        guard payer.payerID.range(of: "^[a-z0-9][a-z0-9-]{1,40}$", options: .regularExpression) != nil else {
            throw CommandRejected("a payer id is lower-case letters, digits and dashes, e.g. aetna-bh")
        }
        try CompanyEvent.append([.payerAdded(payer)], context: CommandContext(tenant: company, actor: actor, today: today), in: session)
    }

    /// Records the submitter identity used on every 837P.
    public func configureSubmitter(_ submitter: SubmitterProfile, actor: String, today: LocalDate, in session: DatabaseSession) throws {
        guard !submitter.etin.isEmpty, submitter.senderID.count <= 15, submitter.receiverID.count <= 15 else {
            throw CommandRejected("the ETIN is required and ISA sender and receiver ids are at most 15 characters")
        }
        let company = try ensureCompany(in: session)
        try CompanyEvent.append([.submitterConfigured(submitter)], context: CommandContext(tenant: company, actor: actor, today: today), in: session)
    }

    static let createLoginSQL = SQL("staff_create_login", "SELECT rcm.create_login($1, $2, $3) AS created")
    static let assignSQL = SQL("staff_assign", "SELECT rcm.assign_staff($1, $2) AS assigned")

    /// Creates a person's login in a group (staff, auditor, analyst) and records it. The password comes
    /// from the caller's environment or a prompt, never an argument; nil creates a login that only a
    /// trusted local socket or a certificate can use.
    @discardableResult
    public func addStaff(login: String, group: String, password: String?, actor: String, today: LocalDate, in session: DatabaseSession) throws -> Bool {
        let role = "rcm_" + group
        let created: Bool = try session.query(Self.createLoginSQL, [login, password, role]).first!.decode("created")
        let company = try ensureCompany(in: session)
        try CompanyEvent.append([.staffAdded(login: login, group: group)], context: CommandContext(tenant: company, actor: actor, today: today), in: session)
        return created
    }

    /// Assigns a login to a practice: the assignment row the policies read and the company event, in one transaction.
    public func assign(login: String, to tenant: Tenant, actor: String, today: LocalDate, in session: DatabaseSession) throws {
        let company = try ensureCompany(in: session)
        try session.query(Self.assignSQL, [tenant.id.sqlParameter, login.sqlParameter])
        try CompanyEvent.append(
            [.staffAssigned(login: login, tenantID: tenant.id.description)], context: CommandContext(tenant: company, actor: actor, today: today),
            in: session)
    }
}
