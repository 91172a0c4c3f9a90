import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm payer add|enroll|list`.
struct PayerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payer", abstract: "The company's payer catalog and practices' enrolments.", subcommands: [Add.self, Enroll.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a payer to the company's catalog (owner login).",
            discussion: """
                Example:
                  rcm payer add --id aetna --name "Aetna" --payer-id 60054 --kind commercial --filing CI
                  rcm payer add --id magellan-bh --name "Magellan Behavioral" --payer-id 01260 --kind carve-out --filing CI
                """)
        @Option(help: "Our id for it (lower-case, dashes).") var id: String
        @Option var name: String
        @Option(help: "The payer id claims route to (NM1*PR).") var payerID: String
        @Option(help: "commercial, medicare, medicaid, medicaid-mco, eap or carve-out.") var kind: String
        @Option(help: "Claim filing indicator (SBR09): CI, BL, HM, MB, MC, …") var filing: String = "CI"

        func validate() throws {
            guard ["commercial", "medicare", "medicaid", "medicaid-mco", "eap", "carve-out"].contains(kind) else {
                throw ValidationError("--kind is commercial, medicare, medicaid, medicaid-mco, eap or carve-out")
            }
        }

        func run() async throws {
            try await reportingFailures {
                let payer = PayerProfile(payerID: id, name: name, x12PayerID: payerID, kind: kind, filingIndicator: filing)
                try await Workspace.administration { session, actor, today in
                    try CompanyService().addPayer(payer, actor: actor, today: today, in: session)
                }
                print("payer \(payer.payerID) added")
            }
        }
    }

    struct Enroll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrol a practice with a catalog payer, with its contract rules and rates.",
            discussion: """
                Rates are CODE=AMOUNT pairs (the contracted allowed amount, for underpayment flags).

                Example:
                  rcm payer enroll --tenant acme-counseling --payer aetna --providers dr-lee,j-park \\
                    --timely-filing-days 90 --appeal-days 180 --telehealth-pos 02,10 --telehealth-modifiers 95 \\
                    --rate 90834=98.00 --rate 90837=132.00
                """)
        @Option(help: "The practice's slug or id.") var tenant: String
        @Option(help: "The payer's id in the catalog.") var payer: String
        @Option(help: "Comma-separated provider ids enrolled with it.") var providers: String = ""
        @Option var timelyFilingDays: Int = 90
        @Option var appealDays: Int = 180
        @Option var correctedClaimDays: Int = 90
        @Flag(help: "Authorization required for outpatient psychotherapy.") var authorizationRequired = false
        @Option(help: "Comma-separated telehealth places of service.") var telehealthPos: String = "02,10"
        @Option(help: "Comma-separated telehealth modifiers.") var telehealthModifiers: String = "95"
        @Flag(help: "The payer administers only the behavioral benefit.") var carveOut = false
        @Option(help: "CODE=AMOUNT contracted rate; repeatable.") var rate: [String] = []

        func run() async throws {
            try await reportingFailures {
                let command = self
                try await Workspace.inTenant(tenant) { session, context in
                    let company = try CompanyService().state(in: session)
                    guard let profile = company.payers[command.payer] else {
                        throw CommandRejected("payer \(command.payer) is not in the catalog; rcm payer add it first")
                    }
                    let rates = try command.rate.map { try parseRate($0, from: context.today) }
                    let rule = PayerRule(
                        effectiveFrom: LocalDate(year: context.today.year, month: 1, day: 1)!, timelyFilingDays: command.timelyFilingDays,
                        authorizationRequired: command.authorizationRequired, telehealthPlaces: Set(list(command.telehealthPos)),
                        telehealthModifiers: Set(list(command.telehealthModifiers)), correctedClaimDays: command.correctedClaimDays,
                        appealDays: command.appealDays, behavioralCarveOut: command.carveOut)
                    try PracticeService().enroll(
                        payer: profile, providers: Set(list(command.providers).map { ProviderID($0) }), rule: rule, rates: rates,
                        context: context, in: session)
                }
                print("\(tenant) enrolled with \(payer)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the payer catalog.", discussion: "Example:\n  rcm payer list")
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let state = try await Workspace.administration { session, _, _ in try CompanyService().state(in: session) }
                let rows = state.payers.values.sorted { $0.payerID < $1.payerID }.map { [$0.payerID, $0.name, $0.x12PayerID, $0.kind, $0.filingIndicator] }
                print(TableOutput(headers: ["id", "name", "payer_id", "kind", "filing"], rows: rows).render(format))
            }
        }
    }
}

/// Splits a comma-separated option.
func list(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Parses `CODE=AMOUNT`.
func parseRate(_ text: String, from date: LocalDate) throws -> RateEntry {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let amount = Money(parsing: parts[1]) else {
        throw CommandRejected("\(text) is not CODE=AMOUNT (e.g. 90837=132.00)")
    }
    return RateEntry(code: parts[0], amount: amount, effectiveFrom: LocalDate(year: date.year, month: 1, day: 1)!)
}
