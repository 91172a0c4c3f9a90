import Foundation
import Testing
import TestSupport

extension CLI {
    /// Runs a command that must be refused: exit `status` (1 for a refusal, 64 for bad usage), standard error
    /// naming the problem with `message`, and not one event appended to any tenant's log.
    @discardableResult
    func refuses(
        _ arguments: [String], status: Int32 = 1, saying message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Shell.Output {
        let before = try await eventCount()
        let output = try run(arguments)
        #expect(output.status == status, "exit \(output.status): \(output.standardError)", sourceLocation: sourceLocation)
        #expect(output.standardError.contains(message), "«\(message)» not in: \(output.standardError)", sourceLocation: sourceLocation)
        #expect(try await eventCount() == before, "a refused command writes nothing", sourceLocation: sourceLocation)
        return output
    }

    /// A session and a claim (not scrubbed) for `patient` with the seeded practice's payer; returns the claim number.
    func draftClaim(patient key: String, daysAgo: Int = 5) throws -> String {
        let session = try ok([
            "session", "log", "--tenant", "acme", "--patient", key, "--date", CLI.daysAgo(daysAgo), "--provider", "dr-lee", "--minutes",
            "45",
            "--dx", "F41.1", "--service", "90834=120.00",
        ])
        return try ok(["claims", "create", "--tenant", "acme", "--patient", key, "--payer", "aetna", "--sessions", session])
    }

    /// Submits the practice's scrubbed claims to aetna; returns the 837P's path.
    func submitAetna(out: URL) throws -> String {
        let wrote = try ok(["claims", "submit", "--tenant", "acme", "--payer", "aetna", "--out", out.appendingPathComponent("837").path])
        return String(wrote.dropFirst("wrote ".count).prefix { $0 != ":" })
    }
}
