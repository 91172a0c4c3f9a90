import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// A webhook receiver on loopback for the delivery tests: answers `POST /hook` with the status its script
/// says (503 while `failing`), and keeps every request it got, answered or not.
actor WebhookReceiver {
    struct Received: Sendable {
        let body: Data
        let signature: String
        let position: Int64
        let status: Int
    }

    private(set) var received: [Received] = []
    /// While true every request is answered 503.
    var failing: Bool
    private var task: Task<Void, Error>?
    private(set) var port = 0

    init(failing: Bool) { self.failing = failing }

    func setFailing(_ value: Bool) { failing = value }

    /// The next status and the request kept.
    func take(_ body: Data, signature: String, position: Int64) -> Int {
        let status = failing ? 503 : 200
        received.append(Received(body: body, signature: signature, position: position, status: status))
        return status
    }

    /// The positions answered 200, in the order they arrived.
    var delivered: [Int64] { received.filter { $0.status == 200 }.map(\.position) }

    /// Starts listening on a free port; returns the URL to subscribe.
    func start() async throws -> String {
        let router = Router()
        router.post("/hook") { request, context -> Response in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            let signature = request.headers[HTTPField.Name("RCM-Signature")!] ?? ""
            let position = Int64(request.headers[HTTPField.Name("RCM-Event-Position")!] ?? "") ?? -1
            let status = await self.take(Data(buffer.readableBytesView), signature: signature, position: position)
            return Response(status: .init(code: status))
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        for await bound in stream {
            port = bound
            break
        }
        return "http://127.0.0.1:\(port)/hook"
    }

    func stop() { task?.cancel() }

    /// The documented check (docs/api.md): `RCM-Signature: t=T,v1=HEX` where HEX is HMAC-SHA256(secret, "T.BODY").
    static func verify(_ header: String, body: Data, secret: String) -> Bool {
        let parts = Dictionary(uniqueKeysWithValues: header.split(separator: ",").compactMap { part -> (String, String)? in
            let pair = part.split(separator: "=", maxSplits: 1)
            return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
        })
        guard let timestamp = parts["t"], let presented = parts["v1"], let seconds = Double(timestamp),
            abs(Date().timeIntervalSince1970 - seconds) < 600
        else { return false }
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined() == presented
    }
}
