import Application
import Hummingbird
import Logging

/// Turns every error into a problem document: the core's refusals into 422 (their messages are written
/// for a clerk and carry no PHI), Hummingbird's own errors into their status, anything else into a 500
/// whose detail says nothing (the log has the error's type and the request id, never its data).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch is NoSuchRecord {
            return try Problem.notFound("such record").response(from: request, context: context)
        } catch let stale as StaleVersion {
            return try Problem(status: .preconditionFailed, title: "Stale version", detail: stale.description, field: "If-Match", rule: "version")
                .response(from: request, context: context)
        } catch let rejected as CommandRejected {
            return try Problem(status: .unprocessableContent, title: "Refused", detail: rejected.description, rule: "refused")
                .response(from: request, context: context)
        } catch let error as HTTPError {
            let detail = error.status == .notFound ? "no such route" : (error.body ?? error.status.reasonPhrase)
            return try Problem(status: error.status, title: error.status.reasonPhrase, detail: detail, rule: "http")
                .response(from: request, context: context)
        } catch {
            // The core's other errors: the database unreachable (down, restarting) is a 503 with Retry-After; the
            // pool reconnects on a later request, so the server recovers without a restart of its own. A refusal by the database or the
            // log (a permission, a constraint) is a 422 with the error's description, which holds no data.
            let failure = Failure(error)
            context.logger.notice("request refused", metadata: ["error.type": "\(type(of: error))"])
            if failure.kind == .unavailable {
                return try Problem.unavailable().response(from: request, context: context)
            }
            return try Problem(status: .unprocessableContent, title: "Refused", detail: failure.description, rule: "refused")
                .response(from: request, context: context)
        }
    }
}
