import Application
import Foundation
import HTTPTypes
import Hummingbird

/// The HTML of the console's sign-in pages (`SignInPages`): the password form, the second-factor form (a
/// TOTP code, a recovery code or a passkey), the TOTP enrolment (QR code as inline SVG, the secret shown
/// once, the first code) and the ten recovery codes shown once. An error is shown beside its field (linked by
/// aria-describedby); no page holds PHI; every form carries its CSRF token; the passkey button works through
/// /app/static/passkey.js (no inline script).
enum SignInForms {
    /// A field's input with its label and, when there is one, its error beside it.
    static func field(_ name: String, label: String, type: String = "text", error: String?, attributes: String = "") -> String {
        let described = error == nil ? "" : " aria-describedby=\"\(name)-error\" aria-invalid=\"true\""
        let message = error.map { "<p class=\"error\" id=\"\(name)-error\">\(HTML.escape($0))</p>" } ?? ""
        return """
            <div class="field"><label for="\(name)">\(HTML.escape(label))</label>
            <input id="\(name)" name="\(name)" type="\(type)"\(described) \(attributes)>\(message)</div>
            """
    }

    static func password(csrf: String, login: String = "", error: String? = nil) -> String {
        """
        <h1>Sign in</h1>
        <form class="action" method="post" action="/app/sign-in">\(csrf)
        \(field("login", label: "Login", error: nil, attributes: "autocomplete=\"username\" required maxlength=\"63\" value=\"\(HTML.escape(login))\""))
        \(field("password", label: "Password", type: "password", error: error, attributes: "autocomplete=\"current-password\" required maxlength=\"1024\""))
        <button type="submit">Sign in</button></form>
        """
    }

    static func secondFactor(csrf: String, csrfToken: String, totpError: String? = nil, recoveryError: String? = nil, passkeyError: String? = nil) -> String {
        let passkeyMessage = passkeyError.map { HTML.escape($0) } ?? ""
        return """
            <h1>Second factor</h1>
            <p>Your password is right. Prove a second factor to finish signing in (within five minutes).</p>
            <form class="action" method="post" action="/app/sign-in/second-factor">\(csrf)
            \(field("totp", label: "Six-digit code from your authenticator app", error: totpError, attributes: "inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"12\" pattern=\"[0-9 ]*\""))
            <button type="submit">Verify code</button></form>
            <form class="action" method="post" action="/app/sign-in/second-factor">\(csrf)
            \(field("recoveryCode", label: "Or a recovery code", error: recoveryError, attributes: "autocomplete=\"off\" maxlength=\"40\""))
            <button type="submit">Use recovery code</button></form>
            <div class="action"><h2>Passkey</h2>
            <button type="button" id="passkey-sign-in" data-csrf="\(HTML.escape(csrfToken))">Use a passkey</button>
            <p class="error" id="passkey-error" role="alert">\(passkeyMessage)</p></div>
            <script src="/app/static/passkey.js"></script>
            <p>\(HTML.link("/app/sign-in", "Start again"))</p>
            """
    }

    static func enrolStart(csrf: String, error: String? = nil) -> String {
        let message = error.map { "<p class=\"alert\" role=\"alert\">\(HTML.escape($0))</p>" } ?? ""
        return """
            <h1>Set up a second factor</h1>\(message)
            <p>The company requires a second factor to sign in. Set up an authenticator app (TOTP): the next page shows a QR code and its secret once.</p>
            <form class="action" method="post" action="/app/sign-in/enrol">\(csrf)<button type="submit">Set up an authenticator app</button></form>
            <details><summary>Which apps work?</summary><p>Any TOTP app (RFC 6238): for example the authenticator apps of
            Google, Microsoft or 1Password, FreeOTP, or a password manager with one-time codes.</p></details>
            <p>\(HTML.link("/app/sign-in", "Start again"))</p>
            """
    }

    /// The enrolment's QR code, secret and the form for the first code. The secret and the codes ride along as
    /// hidden fields so that a mistyped code can show the page again; the server checks only the database's secret.
    static func enrolConfirm(csrf: String, uri: String, secret: String, codes: [String], error: String? = nil) -> String {
        let svg = QRCode(bytes: Array(uri.utf8))?.svg() ?? ""
        let hidden = ["uri": uri, "secret": secret, "codes": codes.joined(separator: " ")].sorted { $0.key < $1.key }
            .map { "<input type=\"hidden\" name=\"\($0.key)\" value=\"\(HTML.escape($0.value))\">" }.joined()
        return """
            <h1>Scan the QR code</h1>
            <p>Scan it with your authenticator app, or type the secret. It is shown only now.</p>
            <figure id="totp-qr" aria-label="QR code of the authenticator secret">\(svg)</figure>
            <p>Secret: <code id="totp-secret">\(HTML.escape(secret))</code></p>
            <form class="action" method="post" action="/app/sign-in/enrol/confirm">\(csrf)\(hidden)
            \(field("code", label: "The six-digit code your app shows now", error: error, attributes: "inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"12\" required"))
            <button type="submit">Confirm</button></form>
            """
    }

    static func recoveryCodes(_ codes: [String]) -> String {
        """
        <h1>Your recovery codes</h1>
        <p class="notice">Each works once, in place of a code from your app. Keep them somewhere safe: they are shown only now.</p>
        <ul id="recovery-codes">\(codes.map { "<li><code>\(HTML.escape($0))</code></li>" }.joined())</ul>
        <details><summary>How do I use one?</summary><p>On the second-factor page, type it in the recovery code field
        (case, spaces and hyphens do not matter). Once all are used, ask an owner to reset your factors.</p></details>
        <p>\(HTML.link("/app", "Continue to the console"))</p>
        <p>\(HTML.link("/app/passkeys", "Add a passkey as well"))</p>
        """
    }

    /// A page outside the person's layout (no navigation: the person is not signed in yet).
    static func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok, cookies: [String] = []) -> Response {
        var response = ConsoleLayout(session: nil).response(title: title, body: body, status: status)
        for cookie in cookies { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return response
    }
}
