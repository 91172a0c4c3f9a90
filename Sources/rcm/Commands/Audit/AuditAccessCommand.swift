import Application
import ArgumentParser
import Billing
import Foundation

/// `rcm audit access`: who read which PHI, when and why.
struct AuditAccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "List PHI reads recorded in the log: who, which record, when, why, and whether it is a 42 CFR Part 2 record.",
        discussion: """
            Every command that shows PHI (a patient, a claim's details, a document) appends an access.phi_viewed \
            event first. Filter by patient key or by login; without --tenant, every practice this login may see.

            Examples:
              rcm audit access --patient pk-4f1c0a9e2b7d8c61 --tenant acme-counseling
              rcm audit access --user jdoe --since 2026-06-01 --format csv
            """
    )

    @Option(help: "A patient key.") var patient: String?
    @Option(help: "A login.") var user: String?
    @Option(help: "Only reads recorded on or after this date (YYYY-MM-DD, from midnight UTC).") var since: LocalDate?
    @Option(help: "A tenant's slug or id.") var tenant: String?
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard patient != nil || user != nil else { throw ValidationError("give --patient KEY or --user LOGIN") }
    }

    func run() async throws {
        try await reportingFailures {
            let reads = try await Core.connect().accessTrail(patient: patient.map { PatientKey($0) }, login: user, since: since, tenant: tenant)
            let rows = reads.map { read in
                [read.practice, TimeText.iso(read.recordedAt), read.login, read.record, read.reason, read.sensitive ? "part2" : ""]
            }
            print(TableOutput(headers: ["practice", "recorded_at", "login", "record", "reason", "sensitivity"], rows: rows).render(output.format))
        }
    }
}
