import Application
import ArgumentParser
import Billing
import Foundation

extension DenialsCommand {
    struct Letter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a printable appeal letter for a denial: the claim's facts and the denial's reasons.",
            discussion: """
                The letter names the patient as the payer knows them (name, date of birth, member id), the claim and \
                payer claim numbers, dates of service, codes, diagnoses and charges of the denied lines, the rendering \
                provider's NPI, and each reason as CO-29 with its meaning. Reading the identity is recorded in the \
                access log. --argument replaces the standard paragraph asking for reconsideration.

                Example:
                  rcm denials letter C4F1C0A9E2B7D --tenant acme-counseling --out letters
                  rcm denials letter C4F1C0A9E2B7D --tenant acme-counseling --denial D1 --argument "Authorization A-17 covered this date."
                """)
        @Argument(help: "The claim number.") var claim: String
        @OptionGroup var practice: TenantOption
        @Option(help: "The denial (default: the claim's only open denial).") var denial: String?
        @Option(help: "The paragraph arguing the appeal.") var argument: String?
        @Option(help: "Directory to write to.") var out: String = "."
        @Option(help: "html or text.") var format: DocumentFormat = .html

        func run() async throws {
            try await reportingFailures {
                let page = try await Core.connect().appealLetter(
                    claim: ClaimID(claim), denial: denial.map { DenialID($0) }, argument: argument, tenant: practice.tenant)
                let path = try DocumentOutput.write(
                    [page], name: page.documentID.rawValue, title: "Appeal \(claim)", format: format, to: out)
                print("wrote \(path)")
            }
        }
    }
}
