import HTTPTypes
import Hummingbird

/// Echoes the request id Hummingbird put in the request's logger as `X-Request-ID`, so a person quoting a
/// problem can be matched with the log lines of their request.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    static let header = HTTPField.Name("X-Request-ID")!

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = context.id
        return response
    }
}
