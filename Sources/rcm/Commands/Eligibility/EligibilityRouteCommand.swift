import Application
import ArgumentParser
import Billing

extension EligibilityCommand {
    struct Route: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Route a patient's behavioral-health claims to the carve-out payer a 271 named (a person confirms).",
            discussion: """
                Without --confirm it says what it would do and records nothing. With --confirm it records a coverage \
                with the carve-out payer (same order as the card's, for the plan period the 271 gave) and the routing; the scrubber then \
                refuses claims billed to the card's payer (MH060).

                Example:
                  rcm eligibility route --tenant acme-counseling --patient pk-7f3a --to keystone --confirm
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "The patient key.") var patient: String
        @Option(help: "The carve-out payer (catalog id).") var to: String
        @Flag(help: "Record the routing (otherwise only show it).") var confirm = false

        func run() async throws {
            try await reportingFailures {
                let outcome = try await Core.connect().routeCarveOut(tenant: practice.tenant, patient: PatientKey(patient), to: PayerID(to), confirm: confirm)
                print(outcome.message)
            }
        }
    }

    struct Policy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set how many days an eligibility check stays current for a practice (default 30).",
            discussion: """
                The scrubber warns (MH062) on a claim whose payer was not checked within these days, and rcm alerts \
                list names the patients seen this month whose check is older.

                Example:
                  rcm eligibility policy --tenant acme-counseling --days 45
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "Days (1 or more).") var days: Int

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().setEligibilityPolicy(tenant: practice.tenant, days: days)
                print("\(practice.tenant): an eligibility check stays current for \(days) days")
            }
        }
    }
}
