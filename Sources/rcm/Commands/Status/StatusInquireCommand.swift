import Application
import ArgumentParser
import Foundation

extension StatusCommand {
    struct Inquire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a 276 per payer for the claims no payer answered (those rcm claims unanswered lists).",
            discussion: """
                Only claims sent --days or more ago (default 30) with no 835 and no finalized or rejecting 277 are asked \
                about; each claim's trace is recorded so that rcm status import can tie the 277 back.

                Example:
                  rcm status inquire --tenant acme-counseling --out out/276
                """)
        @OptionGroup var practice: TenantOption
        @Option(help: "Days a payer is expected to take.") var days: Int = 30
        @Option(help: "The directory to write the 276s to.") var out: String = "."

        func run() async throws {
            try await reportingFailures {
                let sent = try await Core.connect().inquireClaimStatus(tenant: practice.tenant, days: days, directory: URL(fileURLWithPath: out))
                for file in sent { print("wrote \(file.path): 276 to \(file.payerID), \(file.claims.count) claim(s): \(file.claims.map(\.rawValue).joined(separator: " "))") }
                print("\(sent.reduce(0) { $0 + $1.claims.count }) unanswered claim(s) chased")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a 277 claim status response: each claim's status recorded once, and where it goes.",
            discussion: """
                Finalized (F…) waits for the 835; pending (P…) keeps waiting and is asked again; rejected or not found \
                (A3–A8, E0, R…) goes to rcm status worklist. A 277 answering no 276 we sent, or from a payer not in \
                the catalog, is refused whole. Importing it again changes nothing.

                Example:
                  rcm status import answers/acme-aetna-000000051.277
                """)
        @Argument var file: String
        @Option(help: "Only this practice.") var tenant: String?

        func run() async throws {
            try await reportingFailures {
                let outcome = try await Core.connect().importClaimStatus(X12Upload(bytes: try readFile(file), fileName: fileName(file)), tenant: tenant)
                outcome.lines.forEach { print($0) }
                print("\(outcome.recorded) status(es) recorded, \(outcome.repeated) already recorded")
            }
        }
    }

    struct Worklist: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Claims a 277 sent to a person: rejected, not found, or information requested.",
            discussion: """
                Example:
                  rcm status worklist --tenant acme-counseling --format csv
                """)
        @OptionGroup var practice: TenantOption
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let rows = try await Core.connect().claimStatusWorklist(tenant: practice.tenant).map {
                    [$0.claimID.rawValue, $0.payerID.rawValue, "\($0.category):\($0.code)", $0.statusDate?.description ?? "", "rcm claims correct \($0.claimID.rawValue)"]
                }
                print(TableOutput(headers: ["claim", "payer", "status", "status_date", "resolve_with"], rows: rows).render(output.format))
            }
        }
    }
}
