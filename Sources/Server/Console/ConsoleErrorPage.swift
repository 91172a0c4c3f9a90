import Foundation
import HTTPTypes
import Hummingbird

/// A console page for a problem: the same status and sentence as the API's problem document, as HTML in the
/// console's layout without the person's navigation (the error may be that there is no person). A 404 says
/// the same for a practice or claim that does not exist and one the person may not see.
enum ConsoleErrorPage {
    /// Whether a path is the console's.
    static func covers(_ path: String) -> Bool { path == "/app" || path.hasPrefix("/app/") }

    static func response(_ problem: Problem) -> Response {
        var body = "<h1>\(HTML.escape(problem.title))</h1><p class=\"alert\" role=\"alert\">\(HTML.escape(problem.detail))</p>"
        if problem.status == .unauthorized {
            body += "<p>\(HTML.link("/app/sign-in", "Sign in")) to use the console.</p>"
        } else {
            body += "<p>\(HTML.link("/app", "Back to your practices"))</p>"
        }
        return ConsoleLayout(session: nil).response(title: problem.title, body: body, status: problem.status)
    }

    /// The page after signing out.
    static func signedOut() -> Response {
        ConsoleLayout(session: nil).response(title: "Signed out", body: "<h1>Signed out</h1><p>Your session has ended. \(HTML.link("/app/sign-in", "Sign in again"))</p>")
    }
}
