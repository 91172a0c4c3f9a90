import Application
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// `rcm serve`: the HTTP front door over the application core. It holds no business rules and opens no
/// transactions: it authenticates the request, then calls the core acting as the request's role.
public struct RCMServer: Sendable {
    /// Where to listen.
    public var host: String
    public var port: Int
    /// How long sessions last.
    public var sessionPolicy: SessionPolicy
    /// HTTPS with this certificate and key; nil for plain HTTP (loopback, or behind a proxy that ends TLS).
    public var tls: ServerTLS?
    /// A proxy in front ends TLS (plain HTTP may then listen beyond loopback, and HSTS is sent).
    public var behindProxy: Bool
    /// The WebAuthn relying party's id: the host name the console is served on (passkeys work only there).
    public var rpID: String

    /// A server on `host:port`.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, sessionPolicy: SessionPolicy = .standard, tls: ServerTLS? = nil, behindProxy: Bool = false,
        rpID: String = "localhost"
    ) {
        self.host = host
        self.port = port
        self.sessionPolicy = sessionPolicy
        self.tls = tls
        self.behindProxy = behindProxy
        self.rpID = rpID
    }

    /// Every route as `METHOD /path`, for the test that holds them against docs/openapi.yaml.
    public static func routeList() -> [String] {
        let table = RouteTable(router: Router(context: ServerContext.self))
        addRoutes(to: table, core: nil, registry: PrometheusCollectorRegistry(), policy: .standard)
        return table.entries
    }

    /// The embedded OpenAPI description.
    public static var specification: String { OperationsRoutes.specification }

    static func addRoutes(
        to table: RouteTable, core: RevenueCycle?, registry: PrometheusCollectorRegistry, policy: SessionPolicy,
        passkeys: PasskeyEndpoint = PasskeyEndpoint(rpID: "localhost", secure: false)
    ) {
        let core = core ?? RevenueCycle(backend: UnusedBackend())
        OperationsRoutes(core: core, registry: registry).add(to: table)
        SignInRoutes(core: core, policy: policy).add(to: table)
        SecondFactorRoutes(core: core, policy: policy).add(to: table)
        PracticeRoutes(core: core).add(to: table)
        let groupCommit = ProcessInfo.processInfo.environment["RCM_GROUP_COMMIT"] != "off"
        SessionRoutes(core: core, batcher: groupCommit ? try? core.sessionBatcher() : nil).add(to: table)
        ClaimRoutes(core: core).add(to: table)
        ReportRoutes(core: core).add(to: table)
        RemittanceRoutes(core: core).add(to: table)
        ConsoleRoutes(core: core).add(to: table.router)
        SignInPages(core: core, policy: policy, passkeys: passkeys).add(to: table.router)
        PasskeysPage(core: core, passkeys: passkeys).add(to: table.router)
        ClaimActionRoutes(core: core).add(to: table)
        SubmissionRoutes(core: core).add(to: table)
        ProviderRoutes(core: core).add(to: table)
        PayerRoutes(core: core).add(to: table)
        PatientRoutes(core: core).add(to: table)
        CoverageRoutes(core: core).add(to: table)
        AuthorizationRoutes(core: core).add(to: table)
        AcknowledgmentRoutes(core: core).add(to: table)
        EligibilityRoutes(core: core).add(to: table)
        DenialRoutes(core: core).add(to: table)
        AuditRoutes(core: core).add(to: table)
        FeedRoutes(core: core).add(to: table)
        WebhookRoutes(core: core).add(to: table)
    }

    /// Runs until SIGTERM or SIGINT, then drains requests and stops. `core` is a pooled core
    /// (`RevenueCycle.pooled`) connected as the server's login.
    public func run(core: RevenueCycle, logger: Logger) async throws {
        if let refusal = ListenRule.refusal(host: host, tls: tls != nil, behindProxy: behindProxy) { throw ServerTLS.Failure(description: refusal) }
        let tlsConfiguration = try tls?.configuration()
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let router = Router(context: ServerContext.self)
        if tls != nil || behindProxy { router.add(middleware: StrictTransportMiddleware()) }
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AuthenticationMiddleware(core: core))
        router.add(middleware: IdempotencyMiddleware(core: core))
        Self.addRoutes(
            to: RouteTable(router: router), core: core, registry: registry, policy: sessionPolicy,
            passkeys: PasskeyEndpoint(rpID: rpID, secure: tls != nil || behindProxy))
        let scheme = tls == nil ? "http" : "https"
        let (host, port) = (host, port)
        // The bound port (with --port 0 the system chose it): tests and scripts wait for this line.
        let announce: @Sendable (Int?) -> Void = { bound in
            FileHandle.standardOutput.write(Data("rcm serve: listening on \(host):\(bound ?? port) (\(scheme))\n".utf8))
        }
        let configuration = ApplicationConfiguration(address: .hostname(host, port: port), serverName: "rcm")
        let app: Application<RouterResponder<ServerContext>>
        if let tlsConfiguration {
            app = Application(
                router: router, server: try .tls(.http1(), tlsConfiguration: tlsConfiguration), configuration: configuration,
                onServerRunning: { announce($0.localAddress?.port) }, logger: logger)
        } else {
            app = Application(router: router, configuration: configuration, onServerRunning: { announce($0.localAddress?.port) }, logger: logger)
        }
        let worker = WebhookWorker(core: core, policy: .from(environment: ProcessInfo.processInfo.environment), logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: app), .init(service: worker)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
