import EventStore
import Foundation
import Postgres
import TestSupport

/// Runs the built `rcm` against one test database.
struct CLI {
    let database: TestDatabase
    /// Variables every run adds (a test's own key file: `RCM_KEK_FILE`).
    var environment: [String: String] = [:]

    static func make(_ name: String) async throws -> CLI {
        CLI(database: try await TestDatabase.create(name))
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], as login: String? = nil) throws -> Shell.Output {
        let settings = login.map { database.settings.login($0) } ?? database.settings
        return try Shell.run(
            [Repository.rcmBinary.path] + arguments, environment: ["RCM_DATABASE_URL": settings.conninfo].merging(self.environment) { $1 }.merging(environment) { $1 }, check: false)
    }

    /// Runs and requires exit 0; returns standard output without the trailing newline.
    func ok(_ arguments: [String], as login: String? = nil) throws -> String {
        let output = try run(arguments, as: login)
        guard output.status == 0 else { throw Shell.Failure(output: output, command: arguments) }
        return output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A date of service `days` before today, `YYYY-MM-DD` (claims must be recent enough for timely filing).
    static func daysAgo(_ days: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "America/Chicago")
        return formatter.string(from: Date().addingTimeInterval(-Double(days) * 86_400))
    }

    /// Events in every tenant's log (to show that a refused command wrote nothing).
    func eventCount() async throws -> Int64 {
        let connection = try await database.connect()
        return try await connection.query(SQL("count_events", "SELECT count(*) AS n FROM rcm.events")).first!.decode("n")
    }

    /// Events but the access records (the product records each read of PHI it makes, e.g. a scrub's identity facts).
    func businessEventCount() async throws -> Int64 {
        let connection = try await database.connect()
        return try await connection.query(
            SQL("count_business_events", "SELECT count(*) AS n FROM rcm.events WHERE event_type <> 'access.phi_viewed'")
        ).first!.decode("n")
    }

    /// The aliases a catalog registers for the payer the simulator plays for `payerID` (its 835's REF*2U and TRN03,
    /// its 277CA's payer id), as `rcm simulate payers` lists them.
    func simulatedPayerAliases(_ payerID: String) throws -> [String] {
        let rows = try ok(["simulate", "payers", payerID, "--format", "csv"]).split(separator: "\n").map(String.init)
        guard rows.count == 2, let aliases = rows[1].split(separator: ",", omittingEmptySubsequences: false).last else { return [] }
        return aliases.split(separator: " ").map(String.init)
    }

    /// A company, one practice `acme` with a provider, a payer, a patient with coverage; returns the patient key.
    func seedPractice(slug: String = "acme") throws -> String {
        _ = try ok(["company", "configure", "--name", "Northwind Billing", "--etin", "NWB0001", "--sender-id", "NWBILLING", "--receiver-id", "CLEARHOUSE", "--receiver-name", "Clearinghouse", "--phone", "3125550100"])
        _ = try ok([
            "tenant", "add", "--slug", slug, "--name", "Acme Counseling LLC", "--time-zone", "America/Chicago", "--npi", "1234567893", "--tax-id", "123456789",
            "--street", "100 Main St", "--city", "Springfield", "--state", "IL", "--zip", "627011234",
        ])
        // Aetna under its X12 payer id, with the ids the simulated payer answers under registered as aliases.
        let aliases = try simulatedPayerAliases("60054").flatMap { ["--alias", $0] }
        _ = try? ok(["payer", "add", "--id", "aetna", "--name", "Aetna", "--payer-id", "60054", "--kind", "commercial"] + aliases)
        _ = try ok(["provider", "add", "--tenant", slug, "--id", "dr-lee", "--first", "Dana", "--last", "Lee", "--npi", "1234567893", "--taxonomy", "103T00000X", "--licence", "psychologist"])
        _ = try ok(["payer", "enroll", "--tenant", slug, "--payer", "aetna", "--providers", "dr-lee", "--rate", "90837=132.00", "--rate", "90834=98.00"])
        let key = try ok(["patient", "add", "--tenant", slug, "--first", "Zebediah", "--last", "Quaxworth", "--dob", "1988-04-12", "--member-id", "WQX99887766", "--address", "9 Birch Rd, Springfield, IL 62701"])
        _ = try ok(["coverage", "add", "--tenant", slug, "--patient", key, "--payer", "aetna", "--copay", "25.00", "--from", "2026-01-01"])
        return key
    }
}
