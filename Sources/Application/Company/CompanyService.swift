import Billing
import EventStore
import Foundation

/// Administration of the billing company: its own tenant, practices, the payer catalog, staff logins
/// and their assignments. Onboarding and assignments need an owner login.
public struct CompanyService: Sendable {
    let repository = AggregateRepository()

    /// A service.
    public init() {}

    /// The company tenant, created on first use (owners only).
    public func ensureCompany(slug: String = "company", timeZone: String = "America/New_York", in tx: any StoreTransaction) throws -> Tenant {
        if let company = try tx.directory.company() { return company }
        return try tx.directory.create(id: TenantID(UUID()), slug: slug, kind: .company, timeZone: timeZone)
    }

    /// The company's folded state.
    public func state(in tx: any StoreTransaction) throws -> CompanyState {
        guard let company = try tx.directory.company() else { return CompanyState() }
        return try CompanyState.load(company: company.id, in: tx)
    }

    /// Onboards a practice: creates its tenant and log, records `company.practice_onboarded`, and
    /// configures the practice aggregate, all in one transaction.
    public func onboard(_ profile: PracticeProfile, actor: String, today: LocalDate, in tx: any StoreTransaction) throws -> Tenant {
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
        if try tx.directory.find(profile.slug) != nil { throw CommandRejected("a tenant \(profile.slug) already exists") }
        let company = try ensureCompany(in: tx)
        let tenant = try tx.directory.create(id: TenantID(UUID(uuidString: profile.tenantID) ?? UUID()), slug: profile.slug, kind: .practice, timeZone: profile.timeZone)
        var stored = profile
        stored.tenantID = tenant.id.description
        let companyContext = CommandContext(tenant: company, actor: actor, today: today)
        try CompanyEvent.append([.practiceOnboarded(stored)], context: companyContext, in: tx)
        try repository.execute(
            Practice.self, stream: Practice.streamID,
            command: .configure(practiceID: PracticeID(profile.slug), timeZone: profile.timeZone, on: today), effectiveDate: today,
            context: companyContext.forTenant(tenant), in: tx)
        return tenant
    }

    /// Adds a payer to the company's catalog.
    public func addPayer(_ payer: PayerProfile, actor: String, today: LocalDate, in tx: any StoreTransaction) throws {
        let company = try ensureCompany(in: tx)
        let state = try CompanyState.load(company: company.id, in: tx)
        guard state.payers[payer.payerID] == nil else { throw CommandRejected("payer \(payer.payerID) is already in the catalog") }
        guard payer.payerID.range(of: "^[a-z0-9][a-z0-9-]{1,40}$", options: .regularExpression) != nil else {
            throw CommandRejected("a payer id is lower-case letters, digits and dashes, e.g. aetna-bh")
        }
        try Self.checkIdentifiers(payer.identifiers, of: payer.payerID, in: state)
        try CompanyEvent.append([.payerAdded(payer)], context: CommandContext(tenant: company, actor: actor, today: today), in: tx)
    }

    /// Changes a catalog payer's name, X12 payer id or aliases from a business date on.
    public func updatePayer(_ update: PayerUpdated, actor: String, today: LocalDate, in tx: any StoreTransaction) throws {
        let company = try ensureCompany(in: tx)
        let state = try CompanyState.load(company: company.id, in: tx)
        guard let current = state.payers[update.payerID] else { throw CommandRejected("payer \(update.payerID) is not in the catalog") }
        guard !update.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandRejected("a payer needs a name") }
        let identifiers = [update.x12PayerID] + update.aliases
        try Self.checkIdentifiers(identifiers, of: update.payerID, in: state)
        if current.name == update.name && current.x12PayerID == update.x12PayerID && current.aliases == update.aliases {
            throw CommandRejected("payer \(update.payerID) already has this name, payer id and aliases")
        }
        try CompanyEvent.append([.payerUpdated(update)], context: CommandContext(tenant: company, actor: actor, today: today), in: tx)
    }

    /// An X12 payer id or alias: 1 to 80 characters (NM109), letters, digits, dashes and dots, and not already
    /// another payer's (matching an incoming file must name one payer).
    static func checkIdentifiers(_ identifiers: [String], of payerID: String, in state: CompanyState) throws {
        var seen = Set<String>()
        for identifier in identifiers {
            guard identifier.range(of: "^[A-Za-z0-9][A-Za-z0-9.-]{0,79}$", options: .regularExpression) != nil else {
                throw CommandRejected("payer id \(identifier) is not 1 to 80 letters, digits, dashes or dots (NM109)")
            }
            guard seen.insert(identifier.uppercased()).inserted else { throw CommandRejected("payer id \(identifier) is given twice") }
            if let owner = state.owner(of: identifier, except: payerID) {
                throw CommandRejected("payer id \(identifier) already identifies \(owner) in the catalog")
            }
        }
    }

    /// Records the submitter identity used on every 837P.
    public func configureSubmitter(_ submitter: SubmitterProfile, actor: String, today: LocalDate, in tx: any StoreTransaction) throws {
        guard !submitter.etin.isEmpty, submitter.senderID.count <= 15, submitter.receiverID.count <= 15 else {
            throw CommandRejected("the ETIN is required and ISA sender and receiver ids are at most 15 characters")
        }
        let company = try ensureCompany(in: tx)
        try CompanyEvent.append([.submitterConfigured(submitter)], context: CommandContext(tenant: company, actor: actor, today: today), in: tx)
    }

    /// Creates a person's login in a group (staff, auditor, analyst) and records it. The password comes
    /// from the caller's environment or a prompt, never an argument; nil creates a login that only a
    /// trusted local socket or a certificate can use.
    @discardableResult
    public func addStaff(login: String, group: String, password: String?, actor: String, today: LocalDate, in tx: any StoreTransaction) throws -> Bool {
        let role = "rcm_" + group
        let created = try tx.directory.createLogin(login, password: password, role: role)
        let company = try ensureCompany(in: tx)
        try CompanyEvent.append([.staffAdded(.init(login: login, group: group))], context: CommandContext(tenant: company, actor: actor, today: today), in: tx)
        return created
    }

    /// Assigns a login to a practice: the assignment row the policies read and the company event, in one transaction.
    public func assign(login: String, to tenant: Tenant, actor: String, today: LocalDate, in tx: any StoreTransaction) throws {
        let company = try ensureCompany(in: tx)
        _ = try tx.directory.assign(login: login, to: tenant.id)
        try CompanyEvent.append(
            [.staffAssigned(.init(login: login, tenantID: tenant.id.description))], context: CommandContext(tenant: company, actor: actor, today: today),
            in: tx)
    }
}
