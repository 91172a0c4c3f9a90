import Application
import ArgumentParser
import Foundation

extension EraCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post an 835: payments and adjustments per line, denials, reversals, provider-level adjustments, unapplied remittance.",
            discussion: """
                Each payment (transaction set) posts entirely or not at all, once: a payment already posted is skipped. A \
                payment whose check does not balance (BPR02 ≠ ΣCLP04 − ΣPLB) posts nothing unless --accept-imbalance \
                --reason TEXT is given. Each payee is matched to its practice by NPI (then tax id). Several files are posted \
                one after the other, in the order given, their payments in one table. Exit 1 when anything was refused.

                Examples:
                  rcm era import remit.835
                  rcm era import remit.835 --tenant acme-counseling --accept-imbalance --reason "payer confirmed by phone"
                """)
        @Argument(help: "835 files.") var files: [String]
        @Option(help: "Post only to this practice; a payee of another is refused.") var tenant: String?
        @Flag(help: "Post a payment that does not balance (needs --reason).") var acceptImbalance = false
        @Option(help: "Why (recorded on the events).") var reason: String?
        @OptionGroup var output: FormatOption

        func validate() throws {
            if acceptImbalance && (reason ?? "").isEmpty { throw ValidationError("--accept-imbalance needs --reason TEXT") }
        }

        func run() async throws {
            try await reportingFailures {
                let core = try await Core.connect()
                var outcomes: [RemittanceImportService.PaymentOutcome] = []
                for file in files {
                    let upload = X12Upload(bytes: try readFile(file), fileName: fileName(file))
                    do {
                        outcomes += try await core.importRemittance(upload, tenant: tenant, acceptImbalance: acceptImbalance, reason: reason)
                    } catch where Failure(error).kind == .unavailable {
                        // Each payment is its own transaction: what committed stays, a re-run skips it.
                        printError("the import stopped when the database went away: payments posted before stay posted, the rest were not; run the same import again to post them")
                        throw error
                    }
                }
                let rows = outcomes.map {
                    [
                        $0.status.rawValue, $0.practice?.slug ?? "", $0.transactionControlNumber, $0.key, String($0.claimsPosted), String($0.denialsOpened),
                        String($0.unapplied.count), String($0.providerAdjustments), String($0.underpaidLines), $0.message ?? "",
                    ]
                }
                print(TableOutput(headers: ["status", "practice", "st02", "payment", "claims", "denials", "unapplied", "plb", "underpaid", "note"], rows: rows).render(output.format))
                for outcome in outcomes where !outcome.unapplied.isEmpty && output.format == .table {
                    print("unapplied remittance in \(outcome.transactionControlNumber):")
                    outcome.unapplied.forEach { print("  \($0)") }
                }
                for outcome in outcomes { outcome.warnings.forEach { printError("warning: \($0)") } }
                if outcomes.contains(where: { $0.status == .refused }) { throw ExitCode(1) }
            }
        }
    }
}
