import Application
import ArgumentParser
import Billing
import Foundation

extension PayerCommand {
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
        @OptionGroup var practice: TenantOption
        @Option(help: "The payer's id in the catalog.") var payer: String
        @Option(help: "Comma-separated provider ids enrolled with it.") var providers: String = ""
        @Option var timelyFilingDays: Int = 90
        @Option var appealDays: Int = 180
        @Option var correctedClaimDays: Int = 90
        @Flag(help: "Authorization required for every code (rcm payer rules set --authorization narrows it to codes or ranges).") var authorizationRequired = false
        @Option(help: "Comma-separated telehealth places of service.") var telehealthPos: String = "02,10"
        @Option(help: "Comma-separated telehealth modifiers.") var telehealthModifiers: String = "95"
        @Flag(help: "The payer administers only the behavioral benefit.") var carveOut = false
        @Option(help: "CODE=AMOUNT contracted rate; repeatable.") var rate: [String] = []

        func run() async throws {
            try await reportingFailures {
                let rates = try rate.map(Self.parseRate)
                let request = EnrolmentRequest(
                    tenant: practice.tenant, payer: payer, providers: Set(list(providers).map { ProviderID($0) }), timelyFilingDays: timelyFilingDays,
                    appealDays: appealDays, correctedClaimDays: correctedClaimDays, authorizationRequired: authorizationRequired,
                    telehealthPlaces: Set(list(telehealthPos)), telehealthModifiers: Set(list(telehealthModifiers)), behavioralCarveOut: carveOut,
                    rates: rates)
                try await Core.connect().enroll(request)
                print("\(practice.tenant) enrolled with \(payer)")
            }
        }

        /// Parses `CODE=AMOUNT`.
        static func parseRate(_ text: String) throws -> (code: String, amount: Money) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let amount = Money(parsing: parts[1]) else {
                throw CommandError("\(text) is not CODE=AMOUNT (e.g. 90837=132.00)")
            }
            return (parts[0], amount)
        }
    }
}
