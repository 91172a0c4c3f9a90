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
            Stops on SIGTERM or SIGINT after the requests in flight. No TLS: put it behind a proxy that ends TLS.
            Example:
              RCM_DATABASE_URL=$(Scripts/db url --login rcm_server) rcm serve --port 8080
            """)
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: any free port, printed when listening).") var port = 8080
    @Option(help: "Database connections in the pool.") var connections = 8

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 (any free port) to 65535") }
        guard (1...100).contains(connections) else { throw ValidationError("--connections is 1 to 100") }
    }

    func run() async throws {
        let logger = {
            var logger = Logger(label: "rcm.serve")
            logger.logLevel = .info
            return logger
        }()
        let core = try RevenueCycle.pooled(connections: connections, notes: { note in logger.notice("\(note)") })
        try await reportingFailures {
            try await RCMServer(host: host, port: port).run(core: core, logger: logger)
        }
    }
}
