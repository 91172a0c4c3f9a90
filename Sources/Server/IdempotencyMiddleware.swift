import Application
import Foundation
import HTTPTypes
import Hummingbird

/// `Idempotency-Key` on a practice's POSTs (decision 0010): the first request with a key runs and its success
/// is kept; the same request again (method, path and body; JSON compared with its keys sorted) gets that
/// response with `Idempotent-Replayed: true`, also while the first still runs (the retry waits for it); a
/// different request with the key is a 422. A failed request keeps nothing, so its retry runs again. Keys are
/// per practice and per person or API key.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let core: RevenueCycle
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let parts = request.uri.path.split(separator: "/")
        guard request.method == .post, let key = request.headers[Self.header], let principal = context.principal, parts.count >= 3,
            parts[0] == "practices"
        else { return try await next(request, context) }
        try Self.validate(key)
        let acting = try core.acting(as: principal.role)
        let name = String(parts[1])
        // A practice the caller cannot see: the route answers its 404, and nothing is kept.
        guard let tenant = try await acting.tenants().first(where: { ($0.slug == name || $0.id.description == name) && $0.kind == .practice }) else {
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let digest = SHA256Hex.of(Array("\(request.method.rawValue) \(request.uri.path)\n".utf8) + Self.canonical(Array(body.readableBytesView)))
        switch try await acting.claimIdempotencyKey(key, requestSHA256: digest, tenant: tenant.id) {
        case .replay(let stored):
            return Response(
                status: .init(code: stored.status), headers: [.contentType: stored.contentType, Self.replayedHeader: "true"],
                body: .init(byteBuffer: ByteBuffer(bytes: stored.body)))
        case .mismatch:
            throw Problem(
                status: .unprocessableContent, title: "Idempotency-Key reused",
                detail: "this Idempotency-Key was used for a different request; use a new key for a new request", field: "Idempotency-Key",
                rule: "idempotency-key-reused")
        case .inProgress:
            throw Problem(
                status: .conflict, title: "In progress", detail: "the first request with this Idempotency-Key is still running; retry later",
                field: "Idempotency-Key", rule: "idempotency-in-progress")
        case .run:
            let response: Response
            do {
                response = try await next(request, context)
            } catch {
                try? await acting.releaseIdempotencyKey(key, tenant: tenant.id)
                throw error
            }
            guard (200..<300).contains(response.status.code) else {
                try? await acting.releaseIdempotencyKey(key, tenant: tenant.id)
                return response
            }
            let collected = try await Self.collect(response.body)
            let stored = StoredResponse(
                status: response.status.code, contentType: response.headers[.contentType] ?? "application/json", body: Array(collected.readableBytesView))
            try await acting.completeIdempotencyKey(key, tenant: tenant.id, response: stored)
            var replay = response
            replay.body = .init(byteBuffer: collected)
            return replay
        }
    }

    /// A JSON body with its keys sorted and its spacing dropped (the same object however a client serialised it);
    /// any other body as sent.
    static func canonical(_ bytes: [UInt8]) -> [UInt8] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return bytes }
        return Array(data)
    }

    /// 1 to 200 visible ASCII characters, else a 400.
    static func validate(_ key: String) throws {
        guard (1...200).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw Problem.invalid("Idempotency-Key", "format", "Idempotency-Key is 1 to 200 visible ASCII characters")
        }
    }

    /// A key the route requires: present and well-formed, else a 400.
    static func required(_ request: Request) throws -> String {
        guard let key = request.headers[header] else {
            throw Problem.invalid("Idempotency-Key", "required", "Idempotency-Key is required: 1 to 200 visible ASCII characters")
        }
        try validate(key)
        return key
    }

    /// A response body's bytes (the server's bodies are small JSON documents).
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let box = CollectedBody()
        try await body.write(BodyCollector(box: box))
        return box.buffer
    }
}

/// The bytes a `BodyCollector` wrote. Used by one request's task only, one write after another.
final class CollectedBody: @unchecked Sendable {
    var buffer = ByteBuffer()
}

/// A response body writer that keeps what is written.
struct BodyCollector: ResponseBodyWriter {
    let box: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        box.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
