import HTTPTypes
import Hummingbird

/// Sends `Strict-Transport-Security` (one year, subdomains) on every answer when the server is reached over
/// HTTPS (its own TLS, or a proxy's): a browser then never tries plain HTTP for the host again.
struct StrictTransportMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("Strict-Transport-Security")! }
    static var value: String { "max-age=31536000; includeSubDomains" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            response.headers[Self.header] = Self.value
            return response
        } catch let error as HTTPResponseError {
            var response = try error.response(from: request, context: context)
            response.headers[Self.header] = Self.value
            return response
        }
    }
}
