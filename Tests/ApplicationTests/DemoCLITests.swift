import Application
import Demo
import Billing
import Foundation
import Postgres
import TestSupport
import Testing

/// End-to-end tests of `rcm demo seed`, `rcm statement run`, `rcm estimate create`, `rcm superbill` and
/// `rcm payment post` through the built binary. They run once the commands are registered in `rcm`.
enum DemoCLI {
    /// True when the built `rcm` has the demo and document commands.
    static let registered: Bool = {
        guard FileManager.default.isExecutableFile(atPath: Repository.rcmBinary.path),
            let output = try? Shell.run([Repository.rcmBinary.path, "demo", "seed", "--help"], check: false)
        else { return false }
        return output.status == 0 && output.standardOutput.contains("rcm demo seed")
    }()
}

@Suite("Demo and documents on the command line", .serialized, .enabled(if: DemoCLI.registered))
struct DemoCLITests {
    static func rcm(_ arguments: [String], _ database: TestDatabase) throws -> Shell.Output {
        try Shell.run([Repository.rcmBinary.path] + arguments, environment: ["RCM_DATABASE_URL": database.settings.conninfo], check: false)
    }

    static func events(_ database: TestDatabase) async throws -> Int64 {
        try await database.connect().run { session in
            try session.query(SQL("cli_events", "SELECT count(*) AS n FROM rcm.events")).first!.decode("n", as: Int64.self)
        }
    }

    @Test("every command explains itself with an example")
    func help() throws {
        for command in [["demo", "seed"], ["demo", "work"], ["statement", "run"], ["estimate", "create"], ["superbill"], ["payment", "post"]] {
            let output = try Shell.run([Repository.rcmBinary.path] + command + ["--help"], check: false)
            #expect(output.status == 0)
            #expect(output.standardOutput.contains("Example"), "\(command)")
        }
    }

    @Test("the clerk works on one business date: a different RCM_BUSINESS_DATE is refused before anything is done")
    func clerkDate() throws {
        let output = try Shell.run(
            [Repository.rcmBinary.path, "demo", "work", "--through", "2026-01-31"], environment: ["RCM_BUSINESS_DATE": "2026-02-01"], check: false)
        #expect(output.status == 1)
        #expect(output.standardError.contains("RCM_BUSINESS_DATE is 2026-02-01 but --through is ‹--through›"))
        #expect(try Shell.run([Repository.rcmBinary.path, "demo", "work"], check: false).status == 64)
    }

    @Test("seed, then statements, an estimate, a superbill and payments; bad input exits non-zero and writes nothing")
    func endToEnd() async throws {
        let database = try await TestDatabase.create("demo_cli")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-demo-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let seeded = try Self.rcm(["demo", "seed", "--seed", "4", "--scale", "small", "--no-staff"], database)
        #expect(seeded.status == 0, "\(seeded.standardError)")
        #expect(seeded.standardOutput.contains("demo-telehealth"))
        #expect(try Self.rcm(["demo", "seed", "--scale", "tiny"], database).status == 64)

        let statements = try Self.rcm(["statement", "run", "--tenant", "demo-solo", "--out", directory.path], database)
        #expect(statements.status == 0, "\(statements.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.contains { $0.hasPrefix("statements-demo-solo-") && $0.hasSuffix(".html") })

        let plan = DemoPlan.make(DemoOptions(seed: 4, scale: .small, staffLogin: nil))
        let solo = plan.practices[0].patients
        let selfPay = try #require(solo.first { $0.selfPay })
        let estimate = try Self.rcm(
            ["estimate", "create", "--tenant", "demo-solo", "--patient", selfPay.key.rawValue, "--service", "90837=175.00x10", "--out", directory.path,
             "--format", "text"], database)
        #expect(estimate.status == 0, "\(estimate.standardError)")
        #expect(estimate.standardOutput.contains("1750.00"))

        let (practice, outOfNetwork) = try #require(
            plan.practices.lazy.compactMap { practice in practice.patients.first { $0.outOfNetwork }.map { (practice.profile.slug, $0) } }.first)
        let superbill = try Self.rcm(
            ["superbill", "--tenant", practice, "--patient", outOfNetwork.key.rawValue, "--from", "2025-12-01", "--through", "2026-11-30",
             "--out", directory.path], database)
        #expect(superbill.status == 0, "\(superbill.standardError)")

        let payment = try Self.rcm(
            ["payment", "post", "--tenant", "demo-solo", "--patient", selfPay.key.rawValue, "--amount", "10.00", "--method", "cash", "--format", "csv"],
            database)
        #expect(payment.status == 0, "\(payment.standardError)")

        let before = try await Self.events(database)
        let unknown = try Self.rcm(["payment", "post", "--tenant", "demo-solo", "--patient", "pk-nobody", "--amount", "25.00", "--method", "card"], database)
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("there is no patient ‹--patient› in ‹--tenant›"))
        let zero = try Self.rcm(["payment", "post", "--tenant", "demo-solo", "--patient", selfPay.key.rawValue, "--amount", "0", "--method", "card"], database)
        #expect(zero.status == 64)
        let insured = try #require(solo.first { !$0.selfPay })
        let refused = try Self.rcm(
            ["estimate", "create", "--tenant", "demo-solo", "--patient", insured.key.rawValue, "--service", "90837=175.00", "--out", directory.path], database)
        #expect(refused.status == 1)
        #expect(try await Self.events(database) == before)
        await database.drop()
    }
}
