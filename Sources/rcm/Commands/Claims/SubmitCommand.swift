import Application
import ArgumentParser
import Billing
import Foundation
import Postgres

/// `rcm claims submit`.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Write an 837P interchange of a practice's scrubbed claims for one payer, and record them as submitted.",
        discussion: """
            Claims that passed the scrubber (no errors) and are not yet sent go into one interchange. The ISA/GS \
            control number is unique per sender across all practices; the file's SHA-256 and ST control number are \
            recorded on every claim's event, and the file is kept byte for byte in the PHI store.

            Example:
              rcm claims submit --tenant acme-counseling --payer aetna --out out/837
            """)
    @Option var tenant: String
    @Option var payer: String
    @Option(help: "The directory to write the file to.") var out: String
    @Option(help: "Only these claim numbers (comma-separated).") var claims: String?
    @Option(help: "Only claims whose first date of service is on or before this date (YYYY-MM-DD).") var through: String?

    static let nextNumber = SQL("next_interchange_number", "SELECT rcm.next_interchange_number($1) AS n")

    func run() async throws {
        try await reportingFailures {
            let counter = try await Workspace.connect()
            let payer = PayerID(payer), only = claims.map { list($0).map { ClaimID($0) } }, directory = URL(fileURLWithPath: out)
            let through = try self.through.map { text -> LocalDate in
                guard let date = LocalDate(text) else { throw CommandError("--through is a date YYYY-MM-DD") }
                return date
            }
            let result = try await Workspace.inTenant(tenant) { session, context in
                try SubmissionService().submit(payer: payer, only: only, through: through, directory: directory, now: Date(), context: context, in: session) { sender in
                    // A short transaction of its own on another connection: a gap is harmless, a reuse is not.
                    try counter.runBlocking { try $0.query(Self.nextNumber, [sender]).first!.decode("n", as: Int.self) }
                }
            }
            guard let result else {
                print("no claims of \(tenant) for \(payer) are ready to submit")
                return
            }
            print("wrote \(result.path): interchange \(result.interchangeControlNumber), \(result.claimNumbers.count) claim(s), sha256 \(result.sha256)")
        }
    }
}
