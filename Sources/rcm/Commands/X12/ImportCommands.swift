import Application
import ArgumentParser
import EventStore
import Foundation
import Postgres

/// `rcm era import`.
struct EraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "era", abstract: "Electronic remittance advice (835).", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post an 835: payments and adjustments per line, denials, reversals, provider-level adjustments, unapplied remittance.",
            discussion: """
                Each payment (transaction set) posts entirely or not at all, once: a payment already posted is skipped. A \
                payment whose check does not balance (BPR02 ≠ ΣCLP04 − ΣPLB) posts nothing unless --accept-imbalance \
                --reason TEXT is given. Each payee is matched to its practice by NPI (then tax id). Exit 1 when anything \
                was refused.

                Examples:
                  rcm era import remit.835
                  rcm era import remit.835 --tenant acme-counseling --accept-imbalance --reason "payer confirmed by phone"
                """)
        @Argument var file: String
        @Option(help: "Post only to this practice; a payee of another is refused.") var tenant: String?
        @Flag(help: "Post a payment that does not balance (needs --reason).") var acceptImbalance = false
        @Option(help: "Why (recorded on the events).") var reason: String?
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func validate() throws {
            if acceptImbalance && (reason ?? "").isEmpty { throw ValidationError("--accept-imbalance needs --reason TEXT") }
        }

        func run() async throws {
            try await reportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else { throw CommandError("cannot read \(file)") }
                let name = URL(fileURLWithPath: file).lastPathComponent, only = tenant, accept = acceptImbalance, why = reason
                let connection = try await Workspace.connect()
                let outcomes = try await connection.run { session in
                    let tenants = try TenantResolver.resolve(nil, in: session)
                    let selected = try only.map { try TenantResolver.resolve($0, in: session)[0] }
                    return try RemittanceImportService().importFile(
                        bytes: [UInt8](data), fileName: name, tenants: tenants, only: selected, acceptImbalance: accept, reason: why, actor: session.user,
                        in: session)
                }
                let posted = try await connection.run { session in
                    try TenantResolver.resolve(nil, in: session).filter { tenant in outcomes.contains { $0.status == "posted" && $0.practice == tenant.slug } }.map(\.id)
                }
                await Workspace.afterCommit(tenants: posted, on: connection)
                let rows = outcomes.map {
                    [
                        $0.status, $0.practice ?? "", $0.transactionControlNumber, $0.key, String($0.claimsPosted), String($0.denialsOpened),
                        String($0.unapplied.count), String($0.providerAdjustments), String($0.underpaidLines), $0.message ?? "",
                    ]
                }
                print(TableOutput(headers: ["status", "practice", "st02", "payment", "claims", "denials", "unapplied", "plb", "underpaid", "note"], rows: rows).render(format))
                for outcome in outcomes where !outcome.unapplied.isEmpty && format == .table {
                    print("unapplied remittance in \(outcome.transactionControlNumber):")
                    outcome.unapplied.forEach { print("  \($0)") }
                }
                if outcomes.contains(where: { $0.status == "refused" }) { throw ExitCode(1) }
            }
        }
    }
}

/// `rcm ack import`.
struct AckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledgments (999, 277CA).", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a 999 (transaction sets accepted or rejected) or a 277CA (claims accepted or rejected).",
            discussion: """
                Each acknowledgment counts once: importing the same file again changes nothing.

                Example:
                  rcm ack import batch.999
                  rcm ack import claims.277 --tenant acme-counseling
                """)
        @Argument var file: String
        @Option(help: "Only this practice.") var tenant: String?

        func run() async throws {
            try await reportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else { throw CommandError("cannot read \(file)") }
                let name = URL(fileURLWithPath: file).lastPathComponent, only = tenant
                let connection = try await Workspace.connect()
                let result = try await connection.withTransaction { session in
                    let tenants = try TenantResolver.resolve(only, in: session)
                    return (try AcknowledgmentImportService().importFile(bytes: [UInt8](data), fileName: name, tenants: tenants, actor: session.user, in: session), tenants.map(\.id))
                }
                let outcome = result.0
                if outcome.accepted + outcome.rejected > 0 { await Workspace.afterCommit(tenants: result.1, on: connection) }
                outcome.lines.forEach { print($0) }
                print("\(outcome.accepted) accepted, \(outcome.rejected) rejected, \(outcome.repeated) already recorded")
                if !outcome.unknown.isEmpty {
                    print("not ours: \(outcome.unknown.joined(separator: " "))")
                }
            }
        }
    }
}
