import EventStore
import Foundation
import Postgres
import TestSupport

/// A company with two practices, `acme` (a patient with coverage, a provider, a payer) and `other`; a staff
/// person of each with a server password; `rcm serve` running as rcm_server against the database.
struct ServerScene {
    let cli: CLI
    let server: ServerProcess
    let http: HTTPClient
    let patientKey: String
    let ana: String  // staff of acme
    let bob: String  // staff of other
    static let password = "correct horse battery staple"

    /// `secondFactor`: the company's policy (`rcm staff mfa policy`). The route tests sign in with a password
    /// alone (`nobody`); SecondFactorTests keep the default, `phi_readers`.
    static func make(_ name: String, environment: [String: String] = [:], secondFactor: String = "nobody") async throws -> ServerScene {
        let cli = try await CLI.make(name)
        let key = try cli.seedPractice(slug: "acme")
        _ = try cli.ok(["staff", "mfa", "policy", "--require", secondFactor])
        _ = try cli.ok([
            "tenant", "add", "--slug", "other", "--name", "Other Practice", "--npi", "1234567893", "--tax-id", "987654321", "--street", "1 Elm St",
            "--city", "Peoria", "--state", "IL", "--zip", "616021234",
        ])
        let suffix = String(UInt32.random(in: 0...UInt32.max))
        let ana = "t_ana_\(suffix)", bob = "t_bob_\(suffix)"
        for (login, practice) in [(ana, "acme"), (bob, "other")] {
            _ = try cli.ok(["staff", "add", login, "--group", "staff"])
            _ = try cli.ok(["staff", "assign", login, "--tenant", practice])
            let set = try cli.run(["staff", "password", login], environment: ["RCM_NEW_PASSWORD": password])
            guard set.status == 0 else { throw Shell.Failure(output: set, command: ["staff", "password"]) }
        }
        let server = try ServerProcess.start(conninfo: cli.database.settings.login("rcm_server").conninfo, environment: environment)
        return ServerScene(cli: cli, server: server, http: HTTPClient(baseURL: server.baseURL), patientKey: key, ana: ana, bob: bob)
    }

    /// Another `rcm serve` on the same database (a restart: the old one stopped or killed).
    func restarted(environment: [String: String] = [:]) throws -> ServerProcess {
        try ServerProcess.start(conninfo: cli.database.settings.login("rcm_server").conninfo, environment: environment)
    }

    /// Signs a person in; their bearer client.
    func signedIn(_ login: String) async throws -> HTTPClient {
        let reply = try await http.post("/sign-in", json: ["login": login, "password": Self.password])
        guard reply.status == 200, let token = reply.json["token"] as? String else {
            throw Shell.StartFailureLike("sign-in of \(login) answered \(reply.status): \(reply.text)")
        }
        return http.bearer(token)
    }

    /// A session body for acme's patient, `days` before today.
    func sessionBody(days: Int = 5, charge: String = "132.00") -> [String: Any] {
        [
            "patientKey": patientKey, "dateOfService": CLI.daysAgo(days), "rendering": "dr-lee", "minutes": 53,
            "diagnoses": ["F41.1"], "lines": [["code": "90837", "units": 1, "charge": charge]],
        ]
    }

    /// Events of a type in every tenant's log (as the owner).
    func count(_ eventType: String) async throws -> Int64 {
        let owner = try await cli.database.connect()
        return try await owner.query(SQL("count_type", "SELECT count(*) AS n FROM rcm.events WHERE event_type = $1"), [eventType]).first!.decode("n")
    }

    func stop() async {
        server.stop()
        await cli.database.drop()
    }
}

extension Shell {
    /// A setup step of a server test failed.
    struct StartFailureLike: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
