import Application
import Billing
import BillingX12
import EventStore
import Foundation

/// Where the seeder is, for a progress line or bar.
public struct DemoProgress: Sendable, Equatable {
    /// What it is doing (`setup`, `demo-group`, …).
    public var phase: String
    /// Sessions written so far.
    public var done: Int
    /// Sessions to write in all.
    public var total: Int
}

/// What the seeder built.
public struct DemoSummary: Sendable, Equatable {
    /// Practices: slug and tenant id.
    public var practices: [(slug: String, tenantID: String)]
    /// Providers over all practices.
    public var providers: Int
    /// Patients registered.
    public var patients: Int
    /// Sessions logged.
    public var sessions: Int
    /// Claims created (and scrubbed).
    public var claims: Int
    /// Total charges of the claims.
    public var claimCharges: Money
    /// Claims whose scrub found no error.
    public var scrubPassed: Int
    /// Self-pay session charges posted to patient accounts.
    public var selfPayCharges: Money
    /// Patient payments received at the visit.
    public var patientPayments: Money
    /// Sessions by code family (`psychotherapy`, `crisis`, `testing`, …), counted per line.
    public var codeFamilies: [String: Int]
    /// Lines by code.
    public var codes: [String: Int]
    /// Events the seeder appended in batches (services' own appends not counted).
    public var events: Int
    /// The staff login the practices are assigned to, if any.
    public var staffLogin: String?
    /// Wall-clock seconds.
    public var seconds: Double
    /// Eligibility inquiries (patients asked about, in 270s) when the front desk checks eligibility.
    public var eligibilityInquiries = 0
    /// 270 files written.
    public var eligibilityFiles = 0
    /// Patients whose behavioral-health benefit was routed to a carve-out payer (confirmed by the clerk).
    public var carveOutsRouted = 0
    /// Routes renewed by a later plan year's 271.
    public var carveOutsRenewed = 0
    /// Claims billed to a carve-out payer after routing.
    public var carveOutClaims = 0

    public static func == (a: DemoSummary, b: DemoSummary) -> Bool {
        a.practices.map(\.slug) == b.practices.map(\.slug) && a.providers == b.providers && a.patients == b.patients
            && a.sessions == b.sessions && a.claims == b.claims && a.claimCharges == b.claimCharges && a.scrubPassed == b.scrubPassed
            && a.selfPayCharges == b.selfPayCharges && a.patientPayments == b.patientPayments && a.codes == b.codes
            && a.eligibilityInquiries == b.eligibilityInquiries && a.eligibilityFiles == b.eligibilityFiles && a.carveOutsRouted == b.carveOutsRouted
            && a.carveOutsRenewed == b.carveOutsRenewed && a.carveOutClaims == b.carveOutClaims
    }
}

/// Builds the deterministic demo billing company: the company tenant and its submitter, the payer catalog,
/// practices with providers, fee schedules and enrolments, patients (fictional identities, through
/// `PatientService.add`), coverages, authorizations, twelve months of sessions, and a claim created and
/// scrubbed for every insured session.
///
/// Set-up goes through the services on the administration connection (an owner login). The daily work —
/// patients, sessions, claims, self-pay charges and payments — runs on `staff` when given (the demo's staff
/// login, assigned to the practices first), else on the administration connection. Sessions and claims are
/// decided in memory by the billing deciders and appended in multi-stream batches with exact expected
/// versions (docs/decisions/0501-demo-seeder-batches.md).
public struct DemoSeeder: Sendable {
    /// A seeder.
    public init() {}

    /// Plans and writes the demo. Throws when a practice slug of the plan already exists.
    public func seed(
        _ options: DemoOptions, admin: any Backend, staff: (any Backend)? = nil,
        progress: @escaping @Sendable (DemoProgress) -> Void = { _ in }
    ) async throws -> DemoSummary {
        try await seed(plan: DemoPlan.make(options), admin: admin, staff: staff, progress: progress)
    }

    /// Writes a plan: set-up on `admin`, then the daily work on `staff` (or `admin`).
    public func seed(
        plan: DemoPlan, admin: any Backend, staff: (any Backend)? = nil, progress: @escaping @Sendable (DemoProgress) -> Void = { _ in }
    ) async throws -> DemoSummary {
        let began = DispatchTime.now().uptimeNanoseconds
        let tenants = try await setUp(plan: plan, admin: admin, progress: progress)
        var summary = try await work(plan: plan, tenants: tenants, worker: staff ?? admin, progress: progress)
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        return summary
    }

    /// The set-up on an owner's connection: the company (its own owner transaction), the staff login (created
    /// if missing, as the login itself, which holds CREATEROLE), then in one owner transaction the submitter,
    /// payer catalog, practices, providers, fee schedules, enrolments and the staff login's assignments. Every
    /// write to a shared table runs as the owner role with the reads around it (decision 0013).
    public func setUp(plan: DemoPlan, admin: any Backend, progress: @escaping @Sendable (DemoProgress) -> Void = { _ in }) async throws -> [DemoTenant] {
        progress(DemoProgress(phase: "setup", done: 0, total: plan.sessionCount))
        try await admin.ownerTransaction { tx in _ = try CompanyService().ensureCompany(in: tx) }
        if let login = plan.options.staffLogin {
            let day = plan.options.start.adding(days: -90)
            try await admin.transaction { tx in
                guard try CompanyService().state(in: tx).staff[login] == nil else { return }
                try CompanyService().addStaff(login: login, group: "staff", password: nil, actor: tx.login, today: day, in: tx)
            }
        }
        return try await admin.ownerTransaction { tx in try Self.setUp(plan, in: tx) }
    }

    /// The daily work of the year on `worker` (a staff login assigned to the practices, or an owner): patients,
    /// sessions, claims created and scrubbed, self-pay charges and payments; one transaction per practice-month.
    public func work(
        plan: DemoPlan, tenants: [DemoTenant], worker: any Backend, progress: @escaping @Sendable (DemoProgress) -> Void = { _ in }
    ) async throws -> DemoSummary {
        let began = DispatchTime.now().uptimeNanoseconds
        let options = plan.options
        let total = plan.sessionCount
        var summary = DemoSummary(
            practices: tenants.map { ($0.tenant.slug, $0.tenant.id.description) }, providers: plan.practices.map(\.providers.count).reduce(0, +),
            patients: 0, sessions: 0, claims: 0, claimCharges: .zero, scrubPassed: 0, selfPayCharges: .zero, patientPayments: .zero,
            codeFamilies: [:], codes: [:], events: 0, staffLogin: options.staffLogin, seconds: 0)
        var done = 0
        let roster = options.checksEligibility ? plan.roster : EligibilityRoster()
        var counter: InterchangeCounter?
        if options.checksEligibility { counter = try await worker.interchangeCounter() }
        for (index, practice) in plan.practices.enumerated() {
            let desk = counter.map { DemoEligibilityDesk(tenant: tenants[index].tenant, seed: options.seed, roster: roster, counter: $0) }
            let run = PracticeRun(plan: practice, options: options, tenant: tenants[index].tenant, practiceState: tenants[index].state, eligibility: desk)
            var chunkStart = 0
            while chunkStart < 365 {
                let days = chunkStart..<min(365, chunkStart + 31)
                try await worker.transaction { tx in try run.process(days: days, in: tx) }
                chunkStart = days.upperBound
                progress(DemoProgress(phase: practice.profile.slug, done: done + run.sessions, total: total))
            }
            done += run.sessions
            summary.patients += run.patients
            summary.sessions += run.sessions
            summary.claims += run.claims
            summary.claimCharges += run.claimCharges
            summary.scrubPassed += run.scrubPassed
            summary.selfPayCharges += run.selfPayCharges
            summary.patientPayments += run.payments
            summary.events += run.batch.appended
            summary.codes.merge(run.codes, uniquingKeysWith: +)
            summary.codeFamilies.merge(run.families, uniquingKeysWith: +)
            summary.carveOutClaims += run.carveOutClaims
            if let desk {
                summary.eligibilityInquiries += desk.inquiries
                summary.eligibilityFiles += desk.files
                summary.carveOutsRouted += desk.routed
                summary.carveOutsRenewed += desk.renewed
            }
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        progress(DemoProgress(phase: "done", done: done, total: total))
        return summary
    }

    /// The company, payers, submitter, staff login, practices, providers, fees and enrolments.
    static func setUp(_ plan: DemoPlan, in tx: any StoreTransaction) throws -> [DemoTenant] {
        let options = plan.options
        var random = DemoRandom(seed: options.seed, stream: "setup")
        let actor = tx.login
        let company = CompanyService()
        let practices = PracticeService()
        let catalogDay = options.start.adding(days: -90)
        let onboardDay = options.start.adding(days: -60)
        let ratesFrom = options.start.adding(days: -365)
        for practice in plan.practices where try tx.directory.find(practice.profile.slug) != nil {
            throw CommandRejected(
                "a tenant \(practice.profile.slug) already exists: seed a fresh database, or choose another slug prefix")
        }
        _ = try company.ensureCompany(in: tx)
        let state = try company.state(in: tx)
        for payer in DemoCatalog.payers where state.payers[payer.payerID] == nil {
            try company.addPayer(payer, actor: actor, today: catalogDay, in: tx)
        }
        if state.submitter == nil {
            try company.configureSubmitter(
                SubmitterProfile(
                    name: "Demo Billing Company", etin: "DEMOETIN01", senderID: "DEMOBILLCO", receiverID: "DEMOCLEARING",
                    receiverName: "Demo Clearinghouse", contactPhone: "5550100100"), actor: actor, today: catalogDay, in: tx)
        }
        let payers = Dictionary(uniqueKeysWithValues: DemoCatalog.payers.map { (PayerID($0.payerID), $0) })
        var result: [DemoTenant] = []
        for practice in plan.practices {
            let tenant = try company.onboard(practice.profile, actor: actor, today: onboardDay, in: tx)
            let context = CommandContext(tenant: tenant, actor: actor, source: "demo", correlationID: random.uuid(), today: onboardDay)
            for (provider, profile) in practice.providers {
                try practices.addProvider(provider, profile: profile, context: context, in: tx)
            }
            try practices.setFeeSchedule(
                DemoCatalog.codes.map { RateEntry(code: $0, amount: Money(cents: DemoCatalog.fees[$0]!), effectiveFrom: ratesFrom) },
                context: context, in: tx)
            for (payer, providers) in practice.enrollments {
                let (rule, percent) = DemoCatalog.rule(for: payer, from: ratesFrom)
                let rates = DemoCatalog.codes.map { RateEntry(code: $0, amount: Money(cents: DemoCatalog.fees[$0]!).percentage(percent), effectiveFrom: ratesFrom) }
                try practices.enroll(payer: payers[payer]!, providers: providers, rule: rule, rates: rates, context: context, in: tx)
            }
            if let login = options.staffLogin {
                try company.assign(login: login, to: tenant, actor: actor, today: onboardDay, in: tx)
            }
            result.append(DemoTenant(tenant: tenant, state: try practices.state(context, in: tx)))
        }
        return result
    }
}

/// A practice the set-up created: its tenant and its practice state (providers, payers, rules, fees).
public struct DemoTenant: Sendable {
    /// The tenant.
    public let tenant: Tenant
    /// The practice as configured.
    public let state: Practice.State
}

/// One practice's year, written a month per transaction. A class so the transaction closures can carry
/// its in-memory state (claims, accounts, versions) from one month to the next; used from one task only.
final class PracticeRun: @unchecked Sendable {
    let plan: PlannedPractice
    let options: DemoOptions
    let tenant: Tenant
    let practiceState: Practice.State
    var batch: DemoEventBatch
    var random: DemoRandom
    let patientService = PatientService()
    /// Registrations and sessions by day offset from the start.
    var registrations: [Int: [Int]] = [:]
    var schedule: [Int: [(patient: Int, session: Int)]] = [:]
    var patientStates: [Int: Patient.State] = [:]
    var accounts: [Int: PatientAccount.State] = [:]
    var claimsOf: [Int: [Claim.State]] = [:]

    /// The front desk checking eligibility, when the options ask for it.
    let eligibility: DemoEligibilityDesk?

    var patients = 0, sessions = 0, claims = 0, scrubPassed = 0, carveOutClaims = 0
    var claimCharges = Money.zero, selfPayCharges = Money.zero, payments = Money.zero
    var codes: [String: Int] = [:], families: [String: Int] = [:]

    init(plan: PlannedPractice, options: DemoOptions, tenant: Tenant, practiceState: Practice.State, eligibility: DemoEligibilityDesk? = nil) {
        self.plan = plan
        self.options = options
        self.tenant = tenant
        self.practiceState = practiceState
        self.eligibility = eligibility
        batch = DemoEventBatch(tenant: tenant.id, ids: DemoRandom(seed: options.seed, stream: "events-\(plan.profile.slug)"))
        random = DemoRandom(seed: options.seed, stream: "work-\(plan.profile.slug)")
        for (index, patient) in plan.patients.enumerated() {
            let first = patient.sessions.first.map { options.start.days(to: $0.record.dateOfService) } ?? 0
            registrations[max(0, first), default: []].append(index)
            for (sessionIndex, planned) in patient.sessions.enumerated() {
                schedule[options.start.days(to: planned.record.dateOfService), default: []].append((index, sessionIndex))
            }
        }
    }

    func context(_ tx: any StoreTransaction, today: LocalDate) -> CommandContext {
        CommandContext(tenant: tenant, actor: tx.login, source: "demo", correlationID: random.uuid(), today: today)
    }

    func process(days: Range<Int>, in tx: any StoreTransaction) throws {
        for day in days {
            let date = options.start.adding(days: day)
            // The month's batch (the patients already seen who are scheduled this month), then the day's new patients,
            // each asked about before the first session.
            if let eligibility, day > 0, date.day == 1 {
                try eligibility.check(scheduled(from: date), today: date, context: context(tx, today: date), in: tx)
            }
            var newPatients: [(patient: PatientKey, date: LocalDate)] = []
            for index in registrations[day] ?? [] {
                try register(index, in: tx)
                let patient = plan.patients[index]
                if !patient.coverages.isEmpty, let first = patient.sessions.first { newPatients.append((patient.key, first.record.dateOfService)) }
            }
            if let eligibility { try eligibility.check(newPatients, today: date, context: context(tx, today: date), in: tx) }
            for (patient, sessionIndex) in schedule[day] ?? [] {
                try work(plan.patients[patient].sessions[sessionIndex], patient: patient, in: tx)
                if batch.pending >= 400 { try batch.flush(in: tx) }
            }
        }
        try batch.flush(in: tx)
    }

    /// The insured patients registered so far with a session in the month that starts on `first`: each with the date
    /// of its first session that month, in the plan's order.
    func scheduled(from first: LocalDate) -> [(patient: PatientKey, date: LocalDate)] {
        let last = first.adding(days: LocalDate.daysIn(month: first.month, year: first.year) - 1)
        return plan.patients.indices.compactMap { index in
            let patient = plan.patients[index]
            guard patientStates[index] != nil, !patient.coverages.isEmpty,
                let session = patient.sessions.first(where: { $0.record.dateOfService >= first && $0.record.dateOfService <= last })
            else { return nil }
            return (patient.key, session.record.dateOfService)
        }
    }

    func register(_ index: Int, in tx: any StoreTransaction) throws {
        let patient = plan.patients[index]
        let context = context(tx, today: patient.registeredOn)
        _ = try patientService.add(patient.identity, selfPay: patient.selfPay, key: patient.key, context: context, in: tx)
        var state = Patient.State()
        state.key = patient.key
        for coverage in patient.coverages {
            try patientService.addCoverage(coverage, for: patient.key, context: context, in: tx)
            state.coverages[coverage.id] = coverage
        }
        for authorization in patient.authorizations {
            try patientService.addAuthorization(authorization, for: patient.key, context: context, in: tx)
            state.authorizations[authorization.number] = authorization
        }
        patientStates[index] = state
        let stream = PatientAccount.streamID(patient.key)
        var account = PatientAccount.evolve(
            PatientAccount.initial, .opened(.init(patientKey: patient.key, selfPay: patient.selfPay, effectiveDate: patient.registeredOn)))
        batch.versions[stream] = 1
        if !patient.estimate.isEmpty {
            let command = PatientAccount.Command.createEstimate(
                DocumentID("gfe-\(patient.key.rawValue.dropFirst(3))-1"), items: patient.estimate,
                validThrough: patient.registeredOn.adding(days: 364), on: patient.registeredOn)
            account = try decide(PatientAccount.self, command, account, stream: stream, date: patient.registeredOn, context: context)
        }
        accounts[index] = account
        patients += 1
    }

    func work(_ planned: PlannedSession, patient: Int, in tx: any StoreTransaction) throws {
        let record = planned.record
        let date = record.dateOfService
        let context = context(tx, today: date)
        _ = try decide(Billing.Session.self, .log(record, on: date), Billing.Session.initial, stream: Billing.Session.streamID(record.sessionID), date: date, context: context)
        sessions += 1
        for line in record.lines {
            codes[line.code, default: 0] += 1
            if let kind = ProcedureCatalog.definition(line.code)?.kind { families[kind.rawValue, default: 0] += 1 }
        }
        if let card = planned.payer, let number = planned.claimNumber {
            let billed = date.adding(days: 1)
            let claimContext = self.context(tx, today: billed)
            let id = ClaimID(number.rawValue)
            let stream = Claim.streamID(id)
            // With the front desk checking eligibility, the coverage to bill is the carve-out payer once routed, and the
            // scrubber sees the patient's eligibility (MH060–MH062) and the routed coverage, as `rcm claims scrub` does.
            let key = record.patientKey
            let payer = eligibility?.payer(for: key, card: card, on: date) ?? card
            let history = eligibility?.history(key)
            let authorization = payer == card ? planned.authorization : nil
            if payer != card { carveOutClaims += 1 }
            var claim = try decide(
                Claim.self,
                .create(
                    claimID: id, claimNumber: number, payerID: payer, sessions: [record], authorizationNumber: authorization,
                    on: billed, period: practiceState.postingPeriod(for: billed)), Claim.initial, stream: stream, date: billed, context: claimContext)
            let patientState = history.map { $0.routed(patientStates[patient]!) } ?? patientStates[patient]!
            let scrub = ScrubContext(
                practice: practiceState, patient: patientState, otherClaims: claimsOf[patient] ?? [], today: billed, eligibility: history)
            claim = try decide(Claim.self, .scrub(scrub, on: billed), claim, stream: stream, date: billed, context: claimContext)
            claimsOf[patient, default: []].append(claim)
            claims += 1
            claimCharges += claim.charges
            if claim.readyToSubmit { scrubPassed += 1 }
        } else {
            let key = record.patientKey
            let stream = PatientAccount.streamID(key)
            let period = practiceState.postingPeriod(for: date)
            var account = accounts[patient]!
            account = try decide(
                PatientAccount.self, .postCharge(.session(record.sessionID), amount: record.charge, on: date, period: period), account,
                stream: stream, date: date, context: context)
            selfPayCharges += record.charge
            if let method = planned.paidWith {
                account = try decide(
                    PatientAccount.self,
                    .receivePayment(PaymentID("pay-" + record.sessionID.rawValue.dropFirst(2)), amount: record.charge, method: method, on: date, period: period),
                    account, stream: stream, date: date, context: context)
                payments += record.charge
            }
            accounts[patient] = account
        }
    }

    /// Runs a decider in memory, queues what it decided and returns the new state.
    func decide<A: Aggregate>(_ type: A.Type, _ command: A.Command, _ state: A.State, stream: String, date: LocalDate, context: CommandContext) throws -> A.State {
        let events: [A.Event]
        do {
            events = try A.decide(command, state)
        } catch {
            throw CommandRejected("\(plan.profile.slug) \(stream): \(error.description)")
        }
        try batch.add(type, events, stream: stream, date: date, metadata: context.metadata())
        return events.reduce(state, A.evolve)
    }
}
