import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem document (`application/problem+json`): a status, a short title, a detail that names
/// the field and the rule broken and never holds PHI or data of another practice.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A short, fixed summary of the problem type.
    public var title: String
    /// What went wrong, for this request.
    public var detail: String
    /// The JSON field or parameter at fault, when there is one.
    public var field: String?
    /// The rule broken, a stable token (`required`, `type`, `unknown-field`, `format`, `max-length`, …).
    public var rule: String?
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`).
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, title: String, detail: String, field: String? = nil, rule: String? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.field = field
        self.rule = rule
    }

    /// A 400 naming the field and the rule.
    static func invalid(_ field: String, _ rule: String, _ detail: String) -> Problem {
        Problem(status: .badRequest, title: "Invalid request", detail: detail, field: field, rule: rule)
    }

    /// A 401.
    static func unauthenticated(_ detail: String = "sign in (POST /sign-in) or send a bearer token or API key") -> Problem {
        var problem = Problem(status: .unauthorized, title: "Unauthenticated", detail: detail, rule: "authentication-required")
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"rcm\""
        return problem
    }

    /// A 404 that reads the same whether the record is missing or belongs to a practice the caller may not see.
    static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, title: "Not found", detail: "no \(what) here, or not visible to you", rule: "not-found")
    }

    /// A 503 while the database does not answer (a restart, a failover), with `Retry-After` in seconds.
    static func unavailable(retryAfter seconds: Int = 2) -> Problem {
        var problem = Problem(
            status: .serviceUnavailable, title: "Unavailable", detail: "the database does not answer; try again", rule: "database-unavailable")
        problem.headers[.retryAfter] = String(seconds)
        return problem
    }

    /// The document's JSON.
    var json: Data {
        var object: [String: Any] = ["type": "about:blank", "title": title, "status": Int(status.code), "detail": detail]
        if let field { object["field"] = field }
        if let rule { object["rule"] = rule }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}
