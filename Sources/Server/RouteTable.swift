import HTTPTypes
import Hummingbird

/// The router's routes, recorded as they are added, so a test can hold them against `docs/openapi.yaml`.
final class RouteTable {
    typealias Handler = @Sendable (Request, ServerContext) async throws -> Response
    let router: Router<ServerContext>
    /// `METHOD /path/{parameter}`, in the order added.
    private(set) var entries: [String] = []

    init(router: Router<ServerContext>) { self.router = router }

    func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        entries.append("\(method.rawValue) \(path)")
        router.on(RouterPath(path), method: method) { request, context in try await handler(request, context) }
    }
}
