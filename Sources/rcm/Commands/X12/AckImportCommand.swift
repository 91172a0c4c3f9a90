import Application
import ArgumentParser
import Foundation

extension AckCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a 999 (transaction sets accepted or rejected) or a 277CA (claims accepted or rejected).",
            discussion: """
                Each acknowledgment counts once: importing the same file again changes nothing. Several files are \
                imported one after the other, in the order given.

                Example:
                  rcm ack import batch.999
                  rcm ack import answers/*-999-*.x12 answers/*-277CA-*.x12
                  rcm ack import claims.277 --tenant acme-counseling
                """)
        @Argument(help: "999 or 277CA files.") var files: [String]
        @Option(help: "Only this practice.") var tenant: String?

        func run() async throws {
            try await reportingFailures {
                let core = try await Core.connect()
                for file in files {
                    let upload = X12Upload(bytes: try readFile(file), fileName: fileName(file))
                    let outcome = try await core.importAcknowledgment(upload, tenant: tenant)
                    outcome.lines.forEach { print($0) }
                    if outcome.isImplementationAcknowledgment {
                        // A 999 answers for transaction sets; the claims in them are accepted or rejected by the 277CA.
                        print(
                            "\(outcome.acceptedSets) transaction set(s) accepted (\(outcome.claimsInAcceptedSets) claim(s), awaiting the payer's 277CA), \(outcome.rejectedSets) rejected, \(outcome.rejected) claim(s) rejected, \(outcome.repeated) already recorded")
                    } else {
                        print("\(outcome.accepted) claim(s) accepted, \(outcome.rejected) rejected, \(outcome.repeated) already recorded")
                    }
                    outcome.warnings.forEach { printError("warning: \($0)") }
                    if !outcome.unknown.isEmpty {
                        print("not ours: \(outcome.unknown.joined(separator: " "))")
                    }
                }
            }
        }
    }
}
