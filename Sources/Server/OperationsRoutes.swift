import Application
import Foundation
import Hummingbird
import Metrics
import Prometheus

/// The open routes: liveness, readiness (database reachable, migrations current), Prometheus metrics and
/// the OpenAPI description.
struct OperationsRoutes {
    let core: RevenueCycle
    let registry: PrometheusCollectorRegistry

    /// The spec, embedded from docs/openapi.yaml.
    static let specification = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)

    func add(to routes: RouteTable) {
        routes.add(.get, "/health") { _, _ in JSONResponse.make(["status": "ok"]) }
        routes.add(.get, "/ready") { _, _ in
            if let problem = await core.unreadiness() {
                var notReady = Problem(status: .serviceUnavailable, title: "Not ready", detail: problem, rule: "not-ready")
                notReady.headers[.retryAfter] = "2"
                throw notReady
            }
            return JSONResponse.make(["status": "ready"])
        }
        routes.add(.get, "/metrics") { _, _ in
            // Projection lag is read when scraped: the log head minus each projection's checkpoint.
            if let lags = try? await core.projectionLag() {
                for lag in lags {
                    Gauge(label: "rcm_projection_lag_events", dimensions: [("tenant", lag.tenant), ("consumer", lag.consumer)]).record(lag.events)
                }
            }
            return JSONResponse.text(registry.emitToString(), contentType: "text/plain; version=0.0.4")
        }
        routes.add(.get, "/openapi.yaml") { _, _ in JSONResponse.text(Self.specification, contentType: "application/yaml") }
    }
}
