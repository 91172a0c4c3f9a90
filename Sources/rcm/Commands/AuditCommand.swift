import ArgumentParser
import EventStore
import Foundation
import Postgres

/// `rcm audit …`: the auditor's commands.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the hash chain, seal a tenant's log, replay a claim's history.",
        subcommands: [Verify.self, SealCommand.self, AuditAccessCommand.self, AuditClaimCommand.self]
    )

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
        @Option(help: "table or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let seal = try self.seal.map { path -> Seal in
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw CommandError("cannot read the seal file \(path)")
                    }
                    do { return try JSONDecoder().decode(Seal.self, from: data) } catch {
                        throw CommandError("\(path) is not a seal written by rcm audit seal")
                    }
                }
                let name = tenant ?? seal?.tenant.description
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let reports = try await connection.run { session -> [(Tenant, ChainVerifier.Report)] in
                    try TenantResolver.resolve(name, in: session).map { tenant in
                        (tenant, try ChainVerifier.verify(tenant: tenant.id, seal: seal, in: session))
                    }
                }
                switch format {
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(reports.map(\.1)), as: UTF8.self))
                case .table, .csv:
                    for (tenant, report) in reports {
                        if report.isIntact {
                            print("\(tenant.slug): ok, \(report.count) events, head \(report.headHash)")
                        } else {
                            print("\(tenant.slug): BROKEN at position \(report.brokenPosition ?? 0) (\(report.breakage!.rawValue)): \(report.message)")
                        }
                    }
                }
                if reports.contains(where: { !$0.1.isIntact }) { throw ExitCode(1) }
            }
        }
    }

    /// `rcm audit seal`.
    struct SealCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seal",
            abstract: "Print a seal of a tenant's log (tenant, position, head hash, time) as JSON, to keep outside the database.",
            discussion: """
                Keep the seal where the database's administrators cannot change it. Later, \
                rcm audit verify --seal FILE detects a truncated tail or a rewritten chain.

                Example:
                  rcm audit seal --tenant acme-counseling > acme-seal.json
                """
        )

        @Option(help: "A tenant's slug or id.") var tenant: String

        func run() async throws {
            try await reportingFailures {
                let connection = try await Connection.connect(DatabaseLocator.settings())
                let name = tenant
                let seal = try await connection.run { session -> Seal in
                    let tenant = try TenantResolver.resolve(name, in: session)[0]
                    return try Seal.make(tenant: tenant.id, in: session)
                }
                print(seal.json)
            }
        }
    }
}
