import Application
import ArgumentParser
import Foundation

extension EligibilityCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a 271: each patient's coverage and behavioral-health benefits, recorded once.",
            discussion: """
                Every answer must echo the trace of a 270 we sent (TRN*2), come from the payer it asked and name the \
                patient it asked about; otherwise nothing is imported and each problem is named with its segment. \
                Importing the same answers again changes nothing. When a 271 names another payer for the \
                behavioral-health benefit (a carve-out), the line says so and gives the command that routes it.

                Example:
                  rcm eligibility import answers/acme-aetna-000000042.271
                """)
        @Argument var file: String
        @Option(help: "Only this practice.") var tenant: String?

        func run() async throws {
            try await reportingFailures {
                let upload = X12Upload(bytes: try readFile(file), fileName: fileName(file))
                let outcome = try await Core.connect().importEligibility(upload, tenant: tenant)
                outcome.lines.forEach { print($0) }
                print("\(outcome.recorded) answer(s) recorded, \(outcome.repeated) already recorded, \(outcome.carveOuts) carve-out(s) to route")
            }
        }
    }
}
