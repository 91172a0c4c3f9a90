import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm patient add|show|forget`, `rcm coverage add`, `rcm auth add`.
struct PatientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patient", abstract: "Patients: identity kept in the PHI store, a pseudonymous key in the log.",
        subcommands: [Add.self, Show.self, Forget.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a patient; prints the pseudonymous patient key that every other command uses.",
            discussion: """
                Names, date of birth, address, phone and member id go to the destroyable PHI store only; the log \
                holds the key and a salted digest.

                Example:
                  rcm patient add --tenant acme-counseling --first Alex --last Rivera --dob 1988-04-12 \\
                    --address "12 Oak St, Springfield IL 62701" --phone 2175550142 --member-id W123456789
                """)
        @Option(help: "The practice's slug or id.") var tenant: String
        @Option var first: String
        @Option var last: String
        @Option(help: "Date of birth, YYYY-MM-DD.") var dob: String
        @Option var address: String = ""
        @Option var phone: String = ""
        @Option(help: "Member id on the insurance card.") var memberID: String = ""
        @Option(help: "Subscriber id, when the patient is a dependant.") var subscriberID: String?
        @Flag(help: "A self-pay client (no insurance billed).") var selfPay = false

        func run() async throws {
            try await reportingFailures {
                guard let birth = LocalDate(dob) else { throw CommandRejected("--dob must be a date YYYY-MM-DD") }
                let identity = PatientIdentity(
                    firstName: first, lastName: last, dateOfBirth: birth, address: address, phone: phone, memberID: memberID, subscriberID: subscriberID)
                let selfPay = selfPay
                let key = try await Workspace.inTenant(tenant) { session, context in
                    try PatientService().add(identity, selfPay: selfPay, context: context, in: session)
                }
                print(key.rawValue)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a patient's identity, coverages and authorizations; the read is recorded in the access log.",
            discussion: "Example:\n  rcm patient show pk-4f1c0a9e2b7d8c61 --tenant acme-counseling --reason \"eligibility call\"")
        @Argument var key: String
        @Option(help: "The practice's slug or id.") var tenant: String
        @Option(help: "Why you need to see it (recorded).") var reason: String = "billing"
        @Option(help: "table or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let key = PatientKey(key), reason = reason
                let (identity, state) = try await Workspace.inTenant(tenant, reason: reason) { session, context in
                    try PatientService().show(key, purpose: reason, context: context, in: session)
                }
                var rows: [[String]] = [["patient_key", key.rawValue]]
                if let identity {
                    rows += [
                        ["name", "\(identity.firstName) \(identity.lastName)"], ["date_of_birth", identity.dateOfBirth.description],
                        ["address", identity.address], ["phone", identity.phone], ["member_id", identity.memberID],
                    ]
                } else {
                    rows.append(["identity", "destroyed"])
                }
                rows.append(["substance_use_sensitive", state.substanceUseSensitive ? "yes (42 CFR Part 2)" : "no"])
                for coverage in state.coverages.values.sorted(by: { $0.order < $1.order }) {
                    rows.append(["coverage \(coverage.order.rawValue)", "\(coverage.payerID) copay \(coverage.copay) coinsurance \(coverage.coinsurancePercent)% from \(coverage.effective.from)"])
                }
                for auth in state.authorizations.values.sorted(by: { $0.number < $1.number }) {
                    rows.append(["authorization \(auth.number)", "\(auth.payerID) \(auth.remaining) of \(auth.units) units left"])
                }
                print(TableOutput(headers: ["field", "value"], rows: rows).render(format))
            }
        }
    }

    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Destroy a patient's identifying data after retention; the log records it and still verifies.",
            discussion: "Example:\n  rcm patient forget pk-4f1c0a9e2b7d8c61 --tenant acme-counseling --reason \"retention ended\"")
        @Argument var key: String
        @Option(help: "The practice's slug or id.") var tenant: String
        @Option(help: "Why (recorded).") var reason: String

        func run() async throws {
            try await reportingFailures {
                let key = PatientKey(key)
                try await Workspace.inTenant(tenant, reason: reason) { session, context in
                    try PatientService().forget(key, context: context, in: session)
                }
                print("identity of \(key) destroyed")
            }
        }
    }
}

/// `rcm coverage add`.
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage", abstract: "Patients' insurance coverages.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a coverage: payer, order, relation, copay, coinsurance, deductible, dates.",
            discussion: """
                Example:
                  rcm coverage add --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --payer aetna --order primary \\
                    --copay 25.00 --coinsurance 0 --deductible 500.00 --from 2026-01-01
                """)
        @Option var tenant: String
        @Option var patient: String
        @Option var payer: String
        @Option(help: "primary, secondary or tertiary.") var order: String = "primary"
        @Option(help: "self, spouse, child or other.") var relation: String = "self"
        @Option var copay: String = "0.00"
        @Option(help: "Percent, 0–100.") var coinsurance: Int = 0
        @Option var deductible: String = "0.00"
        @Option(help: "YYYY-MM-DD.") var from: String
        @Option(help: "YYYY-MM-DD.") var through: String?

        func run() async throws {
            try await reportingFailures {
                guard let order = PayerOrder(rawValue: order), let relation = SubscriberRelation(rawValue: relation) else {
                    throw CommandRejected("--order is primary, secondary or tertiary; --relation is self, spouse, child or other")
                }
                guard let copay = Money(parsing: copay), let deductible = Money(parsing: deductible) else {
                    throw CommandRejected("--copay and --deductible are amounts such as 25.00")
                }
                guard let start = LocalDate(from), through.map({ LocalDate($0) != nil }) ?? true else {
                    throw CommandRejected("--from and --through are dates YYYY-MM-DD")
                }
                let coverage = Coverage(
                    id: CoverageID("\(payer)-\(order.rawValue)-\(from)"), payerID: PayerID(payer), order: order, relation: relation, copay: copay,
                    coinsurancePercent: coinsurance, deductible: deductible, effective: EffectivePeriod(from: start, through: through.flatMap(LocalDate.init)))
                let key = PatientKey(patient), payer = payer
                try await Workspace.inTenant(tenant) { session, context in
                    let company = try CompanyService().state(in: session)
                    guard company.payers[payer] != nil else { throw CommandRejected("payer \(payer) is not in the catalog") }
                    try PatientService().addCoverage(coverage, for: key, context: context, in: session)
                }
                print("coverage \(coverage.id) recorded")
            }
        }
    }
}

/// `rcm auth add`.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auth", abstract: "Prior authorizations.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a prior authorization: number, payer, codes, units or visits, date window.",
            discussion: """
                Units are consumed when a claim is submitted and released when it is voided or denied.

                Example:
                  rcm auth add --tenant acme-counseling --patient pk-4f1c0a9e2b7d8c61 --payer magellan-bh --number PA778812 \\
                    --codes 90834,90837 --units 12 --from 2026-01-01 --through 2026-06-30
                """)
        @Option var tenant: String
        @Option var patient: String
        @Option var payer: String
        @Option var number: String
        @Option(help: "Comma-separated codes in scope.") var codes: String
        @Option var units: String
        @Option var from: String
        @Option var through: String

        func run() async throws {
            try await reportingFailures {
                guard let units = Quantity(parsing: units), let start = LocalDate(from), let end = LocalDate(through) else {
                    throw CommandRejected("--units is a number and --from/--through are dates YYYY-MM-DD")
                }
                let auth = Authorization(
                    number: number, payerID: PayerID(payer), codes: Set(list(codes)), units: units, window: EffectivePeriod(from: start, through: end))
                let key = PatientKey(patient)
                try await Workspace.inTenant(tenant) { session, context in
                    try PatientService().addAuthorization(auth, for: key, context: context, in: session)
                }
                print("authorization \(auth.number) recorded")
            }
        }
    }
}
