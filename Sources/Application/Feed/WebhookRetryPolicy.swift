import Foundation

/// When a failed webhook delivery is tried again, and when it is given up: exponential backoff from `base`,
/// doubling per failure up to `cap`, until `giveUpAfter` has passed since the first failure of that event;
/// then the event is parked in the dead-letter list and the subscription moves on.
public struct WebhookRetryPolicy: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration
    public var giveUpAfter: Duration

    /// 10 s, doubling to at most one hour, for 48 hours.
    public static let standard = WebhookRetryPolicy(base: .seconds(10), cap: .seconds(3600), giveUpAfter: .seconds(48 * 3600))

    public init(base: Duration, cap: Duration, giveUpAfter: Duration) {
        self.base = base
        self.cap = cap
        self.giveUpAfter = giveUpAfter
    }

    /// The standard policy with the environment's overrides (`RCM_WEBHOOK_RETRY_BASE_MS`,
    /// `RCM_WEBHOOK_RETRY_CAP_MS`, `RCM_WEBHOOK_GIVE_UP_MS`; tests shorten the 48 hours).
    public static func from(environment: [String: String]) -> WebhookRetryPolicy {
        func milliseconds(_ name: String, _ fallback: Duration) -> Duration {
            environment[name].flatMap(Int64.init).map { .milliseconds(max(1, $0)) } ?? fallback
        }
        return WebhookRetryPolicy(
            base: milliseconds("RCM_WEBHOOK_RETRY_BASE_MS", standard.base), cap: milliseconds("RCM_WEBHOOK_RETRY_CAP_MS", standard.cap),
            giveUpAfter: milliseconds("RCM_WEBHOOK_GIVE_UP_MS", standard.giveUpAfter))
    }

    /// The wait before the next try after `failures` failures in a row (1 → base, 2 → 2·base, …, ≤ cap).
    public func delay(afterFailures failures: Int) -> Duration {
        var wait = base
        for _ in 0..<min(max(failures - 1, 0), 64) where wait < cap { wait = wait * 2 }
        return min(wait, cap)
    }

    /// Whether an event failing since `firstFailure` is given up at `now`.
    public func givesUp(firstFailure: Date, now: Date) -> Bool {
        .milliseconds(Int64((now.timeIntervalSince(firstFailure) * 1000).rounded(.down))) >= giveUpAfter
    }

    /// A duration in whole milliseconds (rounded down), as the database's interval arithmetic takes it.
    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
