import EventStore
import Foundation
import HTTPTypes
import Hummingbird

/// The console's layout: a header with the practice's pages, the practice switcher (only the person's
/// practices) and sign-out; the page in `<main>`. Every page is sent with a strict Content-Security-Policy
/// (no inline script or style), no caching, and no referrer.
struct ConsoleLayout {
    let session: ConsoleSession?

    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        .cacheControl: "no-store",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "no-referrer",
        HTTPField.Name("X-Frame-Options")!: "DENY",
    ]

    /// The page as a response. `title` must hold no PHI (it shows in the browser's tabs and history).
    func response(title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = Self.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html(title: title, body: body))))
    }

    func html(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · RevenueCycle</title><link rel="stylesheet" href="/app/static/console.css"></head>
        <body><a class="skip" href="#main">Skip to the page</a>
        <header class="bar"><a class="brand" href="/app">RevenueCycle</a>\(navigation)\(switcher)\(signOut)</header>
        <main id="main" tabindex="-1">\(body)</main></body></html>
        """
    }

    private var navigation: String {
        guard let session, let practice = session.practice else { return "" }
        let base = "/app/p/\(practice.slug)"
        let links = [("", "Work queues"), ("/deposits", "Deposits"), ("/reports/aging", "Reports"), ("/audit", "Audit")]
        return "<nav aria-label=\"Practice pages\"><ul>" + links.map { "<li>\(HTML.link(base + $0.0, $0.1))</li>" }.joined() + "</ul></nav>"
    }

    private var switcher: String {
        guard let session, !session.practices.isEmpty else { return "" }
        let options = session.practices.map { tenant in
            "<option value=\"\(HTML.escape(tenant.slug))\"\(tenant.slug == session.practice?.slug ? " selected" : "")>\(HTML.escape(tenant.slug))</option>"
        }.joined()
        return """
            <form class="switcher" method="get" action="/app/switch"><label for="practice-switcher">Practice</label>
            <select id="practice-switcher" name="practice">\(options)</select><button type="submit">Open</button></form>
            """
    }

    private var signOut: String {
        guard let session else { return "" }
        return """
            <form class="signout" method="post" action="/app/sign-out">\(session.csrfInput)<span class="who">\(HTML.escape(session.login))</span>
            <button type="submit">Sign out</button></form>
            """
    }
}
