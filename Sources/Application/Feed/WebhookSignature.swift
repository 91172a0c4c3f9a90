import Crypto
import Foundation

/// How a webhook is signed (docs/api.md "Verifying a webhook"): HMAC-SHA256 with the subscription's secret
/// over `TIMESTAMP.BODY` (the Unix time in seconds, a dot, the raw body), sent as
/// `RCM-Signature: t=TIMESTAMP,v1=HEX`. A receiver recomputes it and rejects old timestamps (replays).
public enum WebhookSignature {
    public static let header = "RCM-Signature"

    /// The hex HMAC of `timestamp.body`.
    public static func mac(secret: String, timestamp: Int, body: Data) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// The header's value.
    public static func value(secret: String, timestamp: Int, body: Data) -> String {
        "t=\(timestamp),v1=\(mac(secret: secret, timestamp: timestamp, body: body))"
    }

    /// Whether a header's value signs `body` with `secret`, no older than `tolerance` seconds at `now`.
    public static func verify(_ value: String, secret: String, body: Data, now: Date = Date(), tolerance: Int = 300) -> Bool {
        var parts: [String: String] = [:]
        for part in value.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
        }
        guard let timestamp = parts["t"].flatMap(Int.init), let presented = parts["v1"],
            abs(Int(now.timeIntervalSince1970) - timestamp) <= tolerance
        else { return false }
        let expected = mac(secret: secret, timestamp: timestamp, body: body)
        return expected.utf8.count == presented.utf8.count && zip(expected.utf8, presented.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
