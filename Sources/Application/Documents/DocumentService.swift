import Billing
import EventStore
import Foundation

/// A document made for a patient: the page to render and the account event that recorded it.
public struct GeneratedDocument: Sendable, Equatable {
    /// The page.
    public var page: DocumentPage
    /// The document id on the account.
    public var documentID: DocumentID { page.documentID }
    /// The key amount (amount due, estimated total, amount paid).
    public var amount: Money { page.amount }
}

/// Patient documents: statements, Good Faith Estimates and superbills. Each one reads the identity from
/// the PHI store (recording an access event first), builds the page from the account and claims, and
/// appends the account's `statement_generated`, `estimate_created` or `superbill_issued` event through
/// the patient-account decider, in the caller's transaction.
public struct DocumentService: Sendable {
    let repository = AggregateRepository()
    let phi = PHIStore()
    let access = AccessLog()
    let claims = ClaimService()
    let sessions = SessionService()
    let codec = EventCodec()

    /// A service.
    public init() {}

    // MARK: Statements

    /// Patients of the tenant whose account has a balance due, in registration order.
    public func patientsWithBalance(context: CommandContext, in tx: any StoreTransaction) throws -> [PatientKey] {
        try tx.readModels.patientsWithAccounts(tenant: context.tenant.id).compactMap { key in
            let account = try repository.load(PatientAccount.self, stream: PatientAccount.streamID(key), tenant: context.tenant.id, in: tx)
            return account.state.balance > .zero ? key : nil
        }
    }

    /// A statement of what the patient owes: charges per claim or session, payments and credits, amount
    /// and date due. Rejected when nothing is due.
    public func statement(for key: PatientKey, dueInDays: Int = 30, context: CommandContext, in tx: any StoreTransaction) throws -> GeneratedDocument {
        let (patient, account, history) = try load(key, context: context, in: tx)
        guard account.balance > .zero else { throw CommandRejected("nothing is due on the account of \(key)") }
        let identity = try readIdentity(key, purpose: "statement", patient: patient, context: context, in: tx)
        let due = context.today.adding(days: dueInDays)
        let id = DocumentID("st-\(context.today)-\(key.rawValue.dropFirst(3).prefix(8))-\(account.documents.count + 1)")
        var services: [[String]] = []
        var credits: [[String]] = []
        var estimateExceeded = false
        for event in history {
            switch event {
            case .chargePosted(let charge):
                if charge.goodFaithEstimateExceeded { estimateExceeded = true }
                switch charge.source {
                case .claim(let claimID):
                    let claim = try claims.state(claimID, context: context, in: tx)
                    let dates = Set(claim.lines.map(\.dateOfService)).sorted().map(\.description).joined(separator: ", ")
                    let codes = claim.lines.map(\.code).joined(separator: ", ")
                    services.append([
                        dates, codes + " (claim \(claim.claimNumber?.rawValue ?? claimID.rawValue))", claim.charges.description,
                        claim.insurancePaid.description, (claim.adjustments + claim.writeOffs).description, charge.amount.description,
                    ])
                case .session(let sessionID):
                    let record = try sessions.record(sessionID, context: context, in: tx)
                    services.append([
                        record.dateOfService.description, record.lines.map(\.code).joined(separator: ", ") + " (self-pay)",
                        record.charge.description, Money.zero.description, Money.zero.description, charge.amount.description,
                    ])
                }
            case .chargeReversed(let reversal):
                credits.append([reversal.effectiveDate.description, "Charge reversed by the payer", (Money.zero - reversal.amount).description])
            case .paymentReceived(let payment):
                credits.append([payment.effectiveDate.description, "Payment, \(payment.method.rawValue), thank you", (Money.zero - payment.amount).description])
            case .adjusted(let adjustment):
                credits.append([adjustment.effectiveDate.description, "Adjustment: \(adjustment.reason)", (Money.zero - adjustment.amount).description])
            case .writtenOff(let writeOff):
                credits.append([writeOff.effectiveDate.description, "Written off", (Money.zero - writeOff.amount).description])
            case .refundIssued(let refund):
                credits.append([refund.effectiveDate.description, "Refund to you", refund.amount.description])
            default: break
            }
        }
        let page = DocumentPage(
            kind: "Statement", documentID: id, patientKey: key, issued: context.today, from: try practiceLines(context: context, in: tx),
            to: patientLines(identity),
            facts: [("Statement date", context.today.description), ("Account", key.rawValue), ("Due date", due.description)],
            tables: [
                DocumentTable(
                    title: "Services", headers: ["Date of service", "Services", "Charge", "Insurance paid", "Adjustments", "Your share"],
                    amountColumns: [2, 3, 4, 5], rows: services),
                DocumentTable(title: "Payments and credits", headers: ["Date", "Description", "Amount"], amountColumns: [2], rows: credits),
            ],
            totals: [
                ("Your charges", account.charges.description), ("Payments", (Money.zero - account.patientPaid).description),
                ("Adjustments and write-offs", (Money.zero - (account.adjustments + account.writeOffs)).description),
                ("Refunds", account.refunds.description), ("Balance due", account.balance.description),
            ],
            highlight: ("Amount due by \(due)", account.balance.description),
            notes: [
                "Please pay by \(due). Questions about this statement? Call the office; we can set up a payment plan.",
                "Payments received after \(context.today) will appear on your next statement.",
            ]
                + (estimateExceeded
                    ? [
                        "Your charges are $400 or more above your Good Faith Estimate. You may dispute this bill; see www.cms.gov/nosurprises."
                    ] : []),
            amount: account.balance)
        try record(.generateStatement(id, dueDate: due, on: context.today), key: key, context: context, in: tx)
        return GeneratedDocument(page: page)
    }

    // MARK: Good Faith Estimates

    /// A Good Faith Estimate (No Surprises Act) for a self-pay or out-of-network client: the expected
    /// services and charges, given in advance, valid through a date. The account flags later self-pay
    /// charges that exceed it by $400 or more.
    public func estimate(
        for key: PatientKey, items: [EstimateItem], validThrough: LocalDate, context: CommandContext, in tx: any StoreTransaction
    ) throws -> GeneratedDocument {
        let (patient, account, _) = try load(key, context: context, in: tx)
        guard account.selfPay else { throw CommandRejected("Good Faith Estimates are for self-pay clients; \(key) has insurance billed") }
        guard !items.isEmpty, items.allSatisfy({ $0.quantity > 0 && $0.unitCharge > .zero }) else {
            throw CommandRejected("an estimate needs at least one service with a quantity and a charge above zero")
        }
        for item in items where ProcedureCatalog.definition(item.code) == nil { throw CommandRejected("\(item.code) is not a code we bill") }
        guard validThrough >= context.today else { throw CommandRejected("the estimate must be valid through today or later") }
        let identity = try readIdentity(key, purpose: "good faith estimate", patient: patient, context: context, in: tx)
        let id = DocumentID("gfe-\(context.today)-\(key.rawValue.dropFirst(3).prefix(8))-\(account.documents.count + 1)")
        let total = items.map(\.total).sum()
        let rows = items.map { item in
            [item.code, ProcedureCatalog.definition(item.code)?.summary ?? "", String(item.quantity), item.unitCharge.description, item.total.description]
        }
        let page = DocumentPage(
            kind: "Good Faith Estimate", documentID: id, patientKey: key, issued: context.today,
            from: try practiceLines(context: context, in: tx), to: patientLines(identity),
            facts: [
                ("Date given", context.today.description), ("Date of birth", identity.map { $0.dateOfBirth.description } ?? "on file"),
                ("Valid through", validThrough.description),
            ],
            tables: [
                DocumentTable(
                    title: "Expected services", headers: ["Code", "Service", "Quantity", "Charge each", "Expected charges"],
                    amountColumns: [2, 3, 4], rows: rows)
            ],
            totals: [("Estimated total", total.description)], highlight: ("Estimated total charges", total.description),
            notes: [
                "You have the right to receive a Good Faith Estimate explaining how much your medical care will cost.",
                "Under the law, health care providers need to give patients who don't have insurance or who are not using insurance an estimate of the bill for medical items and services.",
                "If you receive a bill that is at least $400 more than this estimate, you can dispute the bill. Keep a copy of this Good Faith Estimate.",
                "This estimate is not a contract and does not require you to obtain the services listed. For questions or more information, visit www.cms.gov/nosurprises.",
            ],
            amount: total)
        try record(.createEstimate(id, items: items, validThrough: validThrough, on: context.today), key: key, context: context, in: tx)
        return GeneratedDocument(page: page)
    }

    // MARK: Superbills

    /// Superbills for an out-of-network (or self-pay) client's sessions in a date range: codes, modifiers,
    /// diagnoses, the practice's tax id and NPI, each rendering provider's NPI, charges and what the client
    /// paid in the period. One superbill per rendering provider.
    public func superbills(
        for key: PatientKey, from: LocalDate, through: LocalDate, context: CommandContext, in tx: any StoreTransaction
    ) throws -> [GeneratedDocument] {
        guard from <= through else { throw CommandRejected("--from must not be after --through") }
        let (patient, account, history) = try load(key, context: context, in: tx)
        var records: [SessionRecord] = []
        for id in try tx.readModels.sessionIDs(tenant: context.tenant.id, patient: key, from: from, through: through) {
            let stream = Billing.Session.streamID(id)
            let loaded = try repository.load(Billing.Session.self, stream: stream, tenant: context.tenant.id, in: tx)
            if let record = loaded.state.record, !loaded.state.voided { records.append(record) }
        }
        guard !records.isEmpty else { throw CommandRejected("\(key) has no sessions from \(from) through \(through)") }
        let practice = try PracticeService().state(context, in: tx)
        let names = try ProviderProfile.all(tenant: context.tenant.id, in: tx)
        var paid = history.reduce(Money.zero) { sum, event in
            if case .paymentReceived(let payment) = event, payment.effectiveDate >= from, payment.effectiveDate <= through { return sum + payment.amount }
            return sum
        }
        let identity = try readIdentity(key, purpose: "superbill", patient: patient, context: context, in: tx)
        let header = try practiceLines(context: context, in: tx)
        let grouped = Dictionary(grouping: records, by: \.rendering)
        var documents: [GeneratedDocument] = []
        var count = account.documents.count
        for provider in grouped.keys.sorted() {
            let sessionsOfProvider = grouped[provider]!.sorted { $0.dateOfService < $1.dateOfService }
            guard let npi = practice.providers[provider]?.npi else { throw CommandRejected("provider \(provider) is not a provider of the practice") }
            let lines = sessionsOfProvider.flatMap { record in
                record.lines.map { line in
                    SuperbillLine(
                        dateOfService: record.dateOfService, code: line.code, modifiers: line.modifiers,
                        diagnoses: line.diagnosisPointers.compactMap { record.diagnoses.indices.contains($0 - 1) ? record.diagnoses[$0 - 1] : nil },
                        charge: line.charge)
                }
            }
            let charges = lines.map(\.charge).sum()
            let amountPaid = min(paid, charges)
            paid -= amountPaid
            count += 1
            let id = DocumentID("sb-\(context.today)-\(key.rawValue.dropFirst(3).prefix(8))-\(count)")
            let superbill = Superbill(providerNPI: npi, lines: lines, amountPaid: amountPaid)
            let name = names[provider.rawValue].map { "\($0.firstName) \($0.lastName), \($0.credentials)" } ?? provider.rawValue
            let diagnoses = Array(Set(lines.flatMap(\.diagnoses))).sorted()
            var facts: [(label: String, value: String)] = [
                ("Date of birth", identity.map { $0.dateOfBirth.description } ?? "on file"), ("Period", "\(from) to \(through)"),
                ("Rendering provider", name), ("Provider NPI", npi), ("Diagnoses (ICD-10-CM)", diagnoses.map(\.rawValue).joined(separator: ", ")),
            ]
            if let supervisor = sessionsOfProvider.compactMap(\.supervising).first, let supervising = practice.providers[supervisor] {
                let supervisorName = names[supervisor.rawValue].map { "\($0.firstName) \($0.lastName), \($0.credentials)" } ?? supervisor.rawValue
                facts.append(("Supervising provider", "\(supervisorName), NPI \(supervising.npi)"))
            }
            let placeByDate = Dictionary(sessionsOfProvider.map { ($0.dateOfService, $0.placeOfService) }, uniquingKeysWith: { a, _ in a })
            let page = DocumentPage(
                kind: "Superbill", documentID: id, patientKey: key, issued: context.today, from: header, to: patientLines(identity),
                facts: facts,
                tables: [
                    DocumentTable(
                        title: "Services", headers: ["Date of service", "Place", "Code", "Modifiers", "Description", "Diagnoses", "Units", "Charge"],
                        amountColumns: [6, 7],
                        rows: sessionsOfProvider.flatMap { record in
                            record.lines.map { line in
                                [
                                    record.dateOfService.description, placeByDate[record.dateOfService] ?? record.placeOfService, line.code,
                                    line.modifiers.joined(separator: " "), ProcedureCatalog.definition(line.code)?.summary ?? "",
                                    line.diagnosisPointers.compactMap { record.diagnoses.indices.contains($0 - 1) ? record.diagnoses[$0 - 1].rawValue : nil }
                                        .joined(separator: ", "),
                                    line.units.description, line.charge.description,
                                ]
                            }
                        })
                ],
                totals: [("Total charges", charges.description), ("Amount paid", amountPaid.description), ("Balance", (charges - amountPaid).description)],
                highlight: ("Amount paid", amountPaid.description),
                notes: [
                    "Submit this superbill to your health plan to request out-of-network reimbursement. Services were provided by the rendering provider named above.",
                    "Place of service: 11 office, 02 telehealth other than home, 10 telehealth in the patient's home.",
                ],
                amount: amountPaid)
            try record(.issueSuperbill(id, superbill, on: context.today), key: key, context: context, in: tx)
            documents.append(GeneratedDocument(page: page))
        }
        return documents
    }

    // MARK: Shared

    /// The patient, the account state and the account's history; throws when there is no such patient.
    func load(_ key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws
        -> (Patient.State, PatientAccount.State, [PatientAccount.Event])
    {
        let patient = try repository.load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx)
        guard patient.version > 0 else { throw CommandRejected("there is no patient \(key) in \(context.tenant.slug)") }
        var state = PatientAccount.initial
        var history: [PatientAccount.Event] = []
        var from: Int64 = 1
        while true {
            let events = try tx.log.readStream(tenant: context.tenant.id, stream: PatientAccount.streamID(key), from: from, limit: 5000)
            for recorded in events {
                if let event = PatientAccount.unwrap(try codec.decode(eventType: recorded.eventType, schemaVersion: recorded.schemaVersion, payload: recorded.payload)) {
                    history.append(event)
                    state = PatientAccount.evolve(state, event)
                }
                from = recorded.streamVersion + 1
            }
            if events.count < 5000 { break }
        }
        guard state.patientKey != nil else { throw CommandRejected("\(key) has no account") }
        return (patient.state, state, history)
    }

    /// Reads the identity, recording the access first (also when the identity was destroyed).
    func readIdentity(_ key: PatientKey, purpose: String, patient: Patient.State, context: CommandContext, in tx: any StoreTransaction) throws
        -> PatientIdentity?
    {
        try access.record(
            record: "patient:\(key)", patientKey: key.rawValue, purpose: purpose, sensitive: patient.substanceUseSensitive, context: context, in: tx)
        return try phi.identity(key: key, tenant: context.tenant.id, in: tx)
    }

    func patientLines(_ identity: PatientIdentity?) -> [String] {
        guard let identity else { return ["(identity no longer on file)"] }
        return ["\(identity.firstName) \(identity.lastName)"] + identity.address.split(separator: ",", maxSplits: 1).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The practice's name, address and identifiers from the company's records, when this login may read them.
    func practiceLines(context: CommandContext, in tx: any StoreTransaction) throws -> [String] {
        let company = try? tx.nested { try CompanyService().state(in: tx) }
        guard let profile = company?.practices[context.tenant.id.description] else { return [context.tenant.slug] }
        return [
            profile.name, profile.street, "\(profile.city), \(profile.state) \(profile.zip.prefix(5))-\(profile.zip.dropFirst(5))",
            "Tax ID \(profile.taxID.prefix(2))-\(profile.taxID.dropFirst(2))  NPI \(profile.npi)",
        ]
    }

    func record(_ command: PatientAccount.Command, key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws {
        try repository.execute(
            PatientAccount.self, stream: PatientAccount.streamID(key), command: command, effectiveDate: context.today, context: context, in: tx)
    }
}
