import Application
import ArgumentParser
import Billing
import Foundation
import Projections

extension DenialsCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The denials to work: claim, payer, reason codes with their meaning, amount, owner, status, appeal due date, days left.",
            discussion: """
                Every denial not yet resolved, soonest due first; narrow it by owner (a staff login, or unassigned), \
                payer, reason (CO-29, 29 or a remark such as N54), state, or appeals due within some days (overdue \
                ones included). Days left count from --today, else RCM_BUSINESS_DATE, else today in each practice's \
                time zone. Codes print as GROUP-CARC (CO-29) everywhere.

                Example:
                  rcm denials list --tenant acme-counseling --owner jpark --due-within 14
                  rcm denials list --payer aetna --reason CO-197 --format csv
                """)
        @OptionGroup var practice: OptionalTenantOption
        @Option(help: "Only this owner's denials (a staff login), or unassigned.") var owner: String?
        @Option(help: "Only this payer's denials.") var payer: String?
        @Option(help: "Only denials with this reason: CO-29, 29, or a remark code such as N54.") var reason: String?
        @Option(help: "Only appeals due within this many days (overdue ones included).") var dueWithin: Int?
        @Option(help: "Only denials in this state: open, assigned, appealed or resolved (default: all but resolved).")
        var status: DenialStatus?
        @Option(help: "The business date to count days left from, YYYY-MM-DD.") var today: LocalDate?
        @OptionGroup var output: FormatOption

        func validate() throws {
            if let dueWithin, dueWithin < 0 { throw ValidationError("--due-within is a number of days, 0 or more") }
        }

        func run() async throws {
            try await reportingFailures {
                let businessDate = today ?? ProcessInfo.processInfo.environment["RCM_BUSINESS_DATE"].flatMap { LocalDate($0) }
                let filter = DenialWorklistFilter(
                    tenant: practice.tenant, owner: owner, payer: payer, reason: reason, dueWithinDays: dueWithin, status: status,
                    today: businessDate)
                let report = try await Core.connect().denialWorklist(filter)
                Swift.print(output.format.report.render(report), terminator: "")
            }
        }
    }
}
