/// Where `rcm serve` may listen without TLS: on loopback only, unless the operator says a proxy in front
/// of it ends TLS (`--behind-proxy`). Plain HTTP to any other address would carry passwords, tokens and PHI
/// in clear text across a network.
public enum ListenRule {
    /// The loopback names and addresses.
    static let loopback: Set<String> = ["127.0.0.1", "::1", "localhost"]

    /// Why the server must not start on `host`, or nil when it may.
    public static func refusal(host: String, tls: Bool, behindProxy: Bool) -> String? {
        if tls || behindProxy || loopback.contains(host.lowercased()) || host.hasPrefix("127.") { return nil }
        return "refusing plain HTTP on \(host), which is not a loopback address: give --tls-cert and --tls-key, "
            + "or --behind-proxy when a proxy in front of rcm serve ends TLS"
    }
}
