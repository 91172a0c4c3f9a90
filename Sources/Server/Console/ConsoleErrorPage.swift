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

    /// The page after signing out, or (`?ended=session`) after a request on a session that had ended: idle past the
    /// company's timeout (`rcm staff session-policy`), signed out elsewhere, expired or revoked.
    static func signedOut(ended: Bool = false) -> Response {
        let sentence = ended
            ? "Your session ended: it was idle longer than your company allows, or it was signed out or expired. Nothing more was done."
            : "Your session has ended."
        return ConsoleLayout(session: nil).response(
            title: "Signed out", body: "<h1>Signed out</h1><p id=\"signed-out-reason\">\(sentence) \(HTML.link("/app/sign-in", "Sign in again"))</p>")
    }

    /// The answer to a console request on a session that ended: to the signed-out page saying so, the cookie cleared.
    static func sessionEndedRedirect() -> Response {
        var headers = ConsoleLayout.securityHeaders
        headers[.location] = "/app/signed-out?ended=session"
        headers[.setCookie] = "\(AuthenticationMiddleware.cookieName)=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
        return Response(status: .seeOther, headers: headers)
    }
}
