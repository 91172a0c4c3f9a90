import Application
import ArgumentParser
import Foundation
import Logging
import Server

/// `rcm serve`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (docs/api.md) as the rcm_server login, acting as each request's person or key.",
        discussion: """
            Connects as RCM_DATABASE_URL (the rcm_server login; Scripts/serve sets it for the local cluster).
            Stops on SIGTERM or SIGINT after the requests in flight. With --tls-cert and --tls-key it serves HTTPS
            and sends Strict-Transport-Security; without them it listens on a loopback address only, unless
            --behind-proxy says a proxy in front of it ends TLS. The database connection honours libpq's
            sslmode=verify-full and sslrootcert (in RCM_DATABASE_URL, or PGSSLMODE and PGSSLROOTCERT).
            Passkeys (WebAuthn) in the console work on the host named by --rp-id only: open the console as
            http://localhost:PORT/app by default, or https://<rp-id>/app (an IP address cannot be an RP id).
            Examples:
              RCM_DATABASE_URL=$(Scripts/db url --login rcm_server) rcm serve --port 8080
              rcm serve --host 0.0.0.0 --port 8443 --tls-cert /etc/rcm/server.pem --tls-key /etc/rcm/server.key
            """)
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, printed when listening).") var port = 8080
    @Option(help: "Database connections in the pool.") var connections = 8
    @Option(help: "Serve HTTPS with this certificate chain (PEM); needs --tls-key.") var tlsCert: String?
    @Option(help: "The private key (PEM) of --tls-cert.") var tlsKey: String?
    @Flag(help: "A proxy in front ends TLS: allow plain HTTP on a non-loopback address, send HSTS.") var behindProxy = false
    @Option(name: .customLong("rp-id"), help: "The host name the console is served on, the passkeys' relying party id (not an IP address).")
    var rpID = "localhost"

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        if let refusal = ListenRule.refusal(host: host, tls: tlsCert != nil, behindProxy: behindProxy) { throw ValidationError(refusal) }
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 (any free port) to 65535") }
        guard (1...100).contains(connections) else { throw ValidationError("--connections is 1 to 100") }
        guard RelyingParty.isValidID(rpID) else {
            throw ValidationError("--rp-id is a host name in lower case such as localhost or rcm.example.com, not an IP address or a URL")
        }
    }

    func run() async throws {
        let logger = {
            var logger = Logger(label: "rcm.serve")
            logger.logLevel = .info
            return logger
        }()
        let core = try RevenueCycle.pooled(connections: connections, notes: { note in logger.notice("\(note)") })
        try await reportingFailures {
            let tls = tlsCert.flatMap { certificate in tlsKey.map { ServerTLS(certificatePath: certificate, keyPath: $0) } }
            try await RCMServer(host: host, port: port, tls: tls, behindProxy: behindProxy, rpID: rpID).run(core: core, logger: logger)
        }
    }
}
