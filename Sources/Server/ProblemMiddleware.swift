import Application
import Hummingbird
import Logging

/// Turns every error into a problem document: the core's refusals into 422 (their messages are written
/// for a clerk and carry no PHI), Hummingbird's own errors into their status, anything else into a 500
/// whose detail says nothing (the log has the error's type and the request id, never its data).
/// Under `/app` (the console) the same problem is a page instead (`ConsoleErrorPage`).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, context: context)
            if ConsoleErrorPage.covers(request.uri.path) { return ConsoleErrorPage.response(problem) }
            return try problem.response(from: request, context: context)
        }
    }

    static func problem(for error: any Error, context: ServerContext) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case is NoSuchRecord:
            return Problem.notFound("such record")
        case let stale as StaleVersion:
            return Problem(status: .preconditionFailed, title: "Stale version", detail: stale.description, field: "If-Match", rule: "version")
        case let rejected as CommandRejected:
            return Problem(status: .unprocessableContent, title: "Refused", detail: rejected.description, rule: "refused")
        case let error as HTTPError:
            let detail = error.status == .notFound ? "no such route" : (error.body ?? error.status.reasonPhrase)
            return Problem(status: error.status, title: error.status.reasonPhrase, detail: detail, rule: "http")
        default:
            // The core's other errors: the database unreachable (down, restarting) is a 503 with Retry-After; the
            // pool reconnects on a later request, so the server recovers without a restart of its own. A refusal by the database or the
            // log (a permission, a constraint) is a 422 with the error's description, which holds no data.
            let failure = Failure(error)
            context.logger.notice("request refused", metadata: ["error.type": "\(type(of: error))"])
            if failure.kind == .unavailable {
                return Problem.unavailable()
            }
            return Problem(status: .unprocessableContent, title: "Refused", detail: failure.description, rule: "refused")
        }
    }
}
