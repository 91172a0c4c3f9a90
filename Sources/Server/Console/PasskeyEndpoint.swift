import Application
import Foundation
import HTTPTypes
import Hummingbird

/// What the console's passkey endpoints share: the relying party of a request (the configured RP id, and the
/// origin the browser is on, which must be on that host), the CSRF header the script sends, JSON answers,
/// and reading the script's JSON body (base64url fields).
struct PasskeyEndpoint: Sendable {
    /// The RP id (`rcm serve --rp-id`, "localhost" by default).
    let rpID: String
    /// The console is reached over HTTPS (TLS here or at a proxy): origins are https.
    let secure: Bool

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// The console's Content-Security-Policy plus `connect-src 'self'`, for the pages whose script calls the
    /// server (`default-src 'none'` forbids fetch otherwise).
    static let pageContentSecurityPolicy = (ConsoleLayout.securityHeaders[.contentSecurityPolicy] ?? "default-src 'none'") + "; connect-src 'self'"

    /// `response` allowed to fetch from the server.
    static func allowingFetch(_ response: Response) -> Response {
        var response = response
        response.headers[.contentSecurityPolicy] = pageContentSecurityPolicy
        return response
    }

    /// The relying party of a request: its origin is the scheme and the Host header, whose host must be the RP id
    /// (a page reached by another name cannot use the passkeys).
    func relyingParty(_ request: Request) -> RelyingParty? {
        guard let host = request.head.authority ?? request.uri.host, host.count <= 300 else { return nil }
        let name = host.hasPrefix("[") ? host : String(host.split(separator: ":", maxSplits: 1).first ?? "")
        guard name.lowercased() == rpID else { return nil }
        return RelyingParty(id: rpID, origins: ["\(secure ? "https" : "http")://\(host.lowercased())"])
    }

    static func error(_ status: HTTPResponse.Status, _ sentence: String) -> Response {
        JSONResponse.make(["error": sentence], status: status, headers: [.cacheControl: "no-store"])
    }

    /// The script's JSON: `id`, `clientDataJSON` and the ceremony's other fields, each base64url.
    struct Answer {
        let id: [UInt8]
        let clientDataJSON: [UInt8]
        let fields: [String: [UInt8]]

        subscript(_ name: String) -> [UInt8] { fields[name] ?? [] }

        /// Nil when the body is not JSON with every field as base64url.
        static func read(_ request: Request, context: ServerContext, fields names: [String]) async throws -> Answer? {
            var request = request
            let buffer = try await request.collectBody(upTo: 64 * 1024)
            guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] else { return nil }
            func bytes(_ name: String) -> [UInt8]? { (object[name] as? String).flatMap(Base64URL.decode) }
            guard let id = bytes("id"), !id.isEmpty, let client = bytes("clientDataJSON") else { return nil }
            var fields: [String: [UInt8]] = [:]
            for name in names {
                guard let value = bytes(name) else { return nil }
                fields[name] = value
            }
            return Answer(id: id, clientDataJSON: client, fields: fields)
        }
    }
}
