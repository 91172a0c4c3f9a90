import Foundation
import Postgres
import Testing
import TestSupport

/// TLS on every connection (issue #24 item 3): `rcm serve` over HTTPS with HSTS, plain HTTP refused beyond
/// loopback, and the database over `sslmode=verify-full` against the local cluster's CA (`Scripts/db start --tls`).
@Suite("TLS: the server over HTTPS, the database over verify-full")
struct TLSTests {
    /// A throwaway CA and a certificate it signs for 127.0.0.1, made with openssl.
    struct Certificates {
        let directory: URL
        var ca: String { directory.appendingPathComponent("ca.crt").path }
        var certificate: String { directory.appendingPathComponent("server.crt").path }
        var key: String { directory.appendingPathComponent("server.key").path }

        static func make() throws -> Certificates {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rcm-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let script = """
                set -e
                cd "$1"
                openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=rcm test CA" -keyout ca.key -out ca.crt 2>/dev/null
                openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
                printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > server.ext
                openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out server.crt 2>/dev/null
                """
            try Shell.run(["/bin/sh", "-c", script, "sh", directory.path])
            return Certificates(directory: directory)
        }
    }

    @Test("rcm serve --tls-cert --tls-key serves HTTPS that curl verifies against the CA, sends HSTS, and speaks no plain HTTP")
    func serverOverHTTPS() async throws {
        let certificates = try Certificates.make()
        let database = try await TestDatabase.create("tls_serve")
        let server = try ServerProcess.start(
            conninfo: database.settings.login("rcm_server").conninfo, extra: ["--tls-cert", certificates.certificate, "--tls-key", certificates.key])
        #expect(server.baseURL.scheme == "https")
        let url = server.baseURL.absoluteString + "/health"
        let verified = try Shell.run(["/usr/bin/curl", "-sS", "--cacert", certificates.ca, "-D", "-", "-o", "/dev/null", url], check: false)
        #expect(verified.status == 0, "\(verified.standardError)")
        #expect(verified.standardOutput.hasPrefix("HTTP/1.1 200"), "\(verified.standardOutput)")
        #expect(verified.standardOutput.lowercased().contains("strict-transport-security: max-age=31536000; includesubdomains"))
        // Without the CA the certificate is not trusted; plain HTTP to the TLS port gets no HTTP answer.
        #expect(try Shell.run(["/usr/bin/curl", "-sS", "-o", "/dev/null", url], check: false).status != 0)
        let plain = try Shell.run(
            ["/usr/bin/curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", url.replacingOccurrences(of: "https:", with: "http:")],
            check: false)
        #expect(plain.standardOutput != "200")
        #expect(server.stop() == 0, "\(server.log)")
        #expect(server.log.contains("(https)"))
        await database.drop()
        try? FileManager.default.removeItem(at: certificates.directory)
    }

    @Test("plain HTTP on a non-loopback address is refused (64, saying what to do) unless --behind-proxy; a bad key file is refused with its name")
    func plainHTTPBeyondLoopback() async throws {
        let database = try await TestDatabase.create("tls_refuse")
        let environment = ["RCM_DATABASE_URL": database.settings.login("rcm_server").conninfo]
        let refused = try Shell.run([Repository.rcmBinary.path, "serve", "--host", "0.0.0.0", "--port", "0"], environment: environment, check: false)
        #expect(refused.status == 64)
        // The typed address is named by its option (InputRedaction), as every error of rcm does.
        #expect(refused.standardError.contains("refusing plain HTTP on ‹--host›, which is not a loopback address"), "\(refused.standardError)")
        #expect(refused.standardError.contains("--behind-proxy"))
        let half = try Shell.run([Repository.rcmBinary.path, "serve", "--tls-cert", "/nonexistent.pem"], environment: environment, check: false)
        #expect(half.status == 64 && half.standardError.contains("--tls-cert and --tls-key go together"))

        let certificates = try Certificates.make()
        let badKey = certificates.directory.appendingPathComponent("bad.key")
        try Data("-----BEGIN PRIVATE KEY-----\ntruncated\n".utf8).write(to: badKey)
        let bad = try Shell.run(
            [Repository.rcmBinary.path, "serve", "--port", "0", "--tls-cert", certificates.certificate, "--tls-key", badKey.path], environment: environment,
            check: false)
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("is not a readable PEM private key"), "\(bad.standardError)")

        // Behind a proxy that ends TLS, plain HTTP may listen beyond loopback, and HSTS is sent.
        let proxied = try ServerProcess.start(conninfo: environment["RCM_DATABASE_URL"]!, extra: ["--host", "0.0.0.0", "--behind-proxy"])
        let health = try await HTTPClient(baseURL: proxied.baseURL).get("/health")
        #expect(health.status == 200 && health.header("Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
        #expect(proxied.stop() == 0)
        await database.drop()
        try? FileManager.default.removeItem(at: certificates.directory)
    }

    @Test("the product connects to the database with sslmode=verify-full against the local CA, and refuses a server its CA did not sign")
    func databaseOverVerifyFull() async throws {
        let ca = try Shell.run([Repository.root.appendingPathComponent("Scripts/db").path, "ca"], check: false)
        try #require(ca.status == 0, "the test cluster has no TLS: Scripts/test runs Scripts/db start --tls")
        let caFile = ca.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let url = try Shell.run([Repository.root.appendingPathComponent("Scripts/db").path, "url", "--tls"]).standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url.contains("sslmode=verify-full") && url.contains("sslrootcert=\(caFile)"))
        let database = try await TestDatabase.create("tls_db")
        let settings = ConnectionSettings(conninfo: url).database(database.name)

        let connection = try await Connection.connect(settings)
        let row = try await connection.query(SQL("ssl_in_use", "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).first!
        #expect(try row.decode("ssl", as: Bool.self))
        #expect(try row.decode("version", as: String.self).hasPrefix("TLSv1."))
        let listed = try Shell.run([Repository.rcmBinary.path, "tenant", "list"], environment: ["RCM_DATABASE_URL": settings.conninfo], check: false)
        #expect(listed.status == 0, "\(listed.standardError)")

        // Another CA: verify-full refuses the cluster's certificate (69, database unavailable).
        let other = try Certificates.make()
        let wrongCA = settings.conninfo.replacingOccurrences(of: caFile, with: other.ca)
        let refused = try Shell.run([Repository.rcmBinary.path, "tenant", "list"], environment: ["RCM_DATABASE_URL": wrongCA], check: false)
        #expect(refused.status == 69, "\(refused.standardError)")
        // Over libpq's variables as well (PGSSLMODE, PGSSLROOTCERT), with no URL.
        let port = URLComponents(string: settings.conninfo)?.port ?? 0
        let byVariables = try Shell.run(
            [Repository.rcmBinary.path, "tenant", "list"],
            environment: [
                "RCM_DATABASE_URL": "", "PGHOST": "127.0.0.1", "PGPORT": String(port), "PGDATABASE": database.name, "PGUSER": "rcm_admin",
                "PGSSLMODE": "verify-full", "PGSSLROOTCERT": caFile,
            ], check: false)
        #expect(byVariables.status == 0, "\(byVariables.standardError)")
        await database.drop()
        try? FileManager.default.removeItem(at: other.directory)
    }
}
