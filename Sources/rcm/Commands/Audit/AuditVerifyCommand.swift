import Application
import ArgumentParser
import Foundation

extension AuditCommand {
    /// `rcm audit verify`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Re-walk each tenant's hash chain from the stored rows; exit 1 naming the first broken position.",
            discussion: """
                Without --tenant, every tenant this login may see. With --seal FILE (from rcm audit seal), \
                also detects a truncated tail or a rewritten chain. Scripts/verify-chain does the same with \
                nothing but Python and psql.

                Examples:
                  rcm audit verify
                  rcm audit verify --tenant acme-counseling --seal acme-seal.json
                """
        )

        @Option(help: "A tenant's slug or id.") var tenant: String?
        @Option(help: "A seal file written by rcm audit seal.") var seal: String?
        @OptionGroup var output: TableOrJSONOption

        func run() async throws {
            try await reportingFailures {
                let sealJSON = try seal.map { path -> Data in
                    guard let data = FileManager.default.contents(atPath: path) else { throw CommandError("cannot read the seal file \(path)") }
                    return data
                }
                let reports = try await Core.connect().verifyChains(tenant: tenant, sealJSON: sealJSON)
                switch output.format {
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(reports.map(\.report)), as: UTF8.self))
                case .table:
                    for (tenant, report) in reports {
                        if report.isIntact {
                            print("\(tenant.slug): ok, \(report.count) events, head \(report.headHash)")
                        } else {
                            print("\(tenant.slug): BROKEN at position \(report.brokenPosition ?? 0) (\(report.breakage!.rawValue)): \(report.message)")
                        }
                    }
                }
                if reports.contains(where: { !$0.report.isIntact }) { throw ExitCode(1) }
            }
        }
    }
}
