import Application
import Foundation

/// The console's CSRF token: derived from the session's secret token (SHA-256 of a label and the token), so it
/// needs no storage, changes with every session, and cannot be computed by a page that lacks the HttpOnly
/// cookie. Every console form carries it as the hidden field `csrf`; every console POST checks it.
/// (The same helper is meant for the sign-in pages: one name, `CSRFToken`.)
enum CSRFToken {
    /// The form field's name.
    static let field = "csrf"

    /// The token of a session.
    static func token(forSession sessionToken: String) -> String {
        SHA256Hex.of(Array("rcm-console-csrf:\(sessionToken)".utf8))
    }

    /// Whether `presented` is the token of the session, compared in constant time.
    static func verify(_ presented: String?, session sessionToken: String?) -> Bool {
        guard let presented, let sessionToken else { return false }
        let expected = Array(token(forSession: sessionToken).utf8)
        let given = Array(presented.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    /// The hidden input of a form.
    static func input(forSession sessionToken: String) -> String {
        "<input type=\"hidden\" name=\"\(field)\" value=\"\(token(forSession: sessionToken))\">"
    }
}
