import Metrics

/// Appends made through the server, by kind (`rcm_appends_total{kind="session"}`), counted after the core
/// committed; replays of an idempotency key are counted as `replayed`.
enum AppendMetrics {
    static func record(_ kind: String, replayed: Bool = false) {
        Counter(label: "rcm_appends_total", dimensions: [("kind", kind), ("replayed", replayed ? "true" : "false")]).increment()
    }
}
