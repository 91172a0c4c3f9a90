import Foundation
import Testing
@testable import Application

/// The webhook backoff in whole durations: 10 s doubling per failure, never past the cap, given up after the horizon.
@Suite("Webhook retry policy")
struct WebhookRetryPolicyTests {
    @Test("10 s, 20 s, 40 s … doubling to the one-hour cap and staying there")
    func doublingToTheCap() {
        let policy = WebhookRetryPolicy.standard
        let waits = (1...12).map { policy.delay(afterFailures: $0) }
        #expect(waits.prefix(9) == [.seconds(10), .seconds(20), .seconds(40), .seconds(80), .seconds(160), .seconds(320), .seconds(640), .seconds(1280), .seconds(2560)])
        #expect(waits.suffix(3) == [.seconds(3600), .seconds(3600), .seconds(3600)])
        #expect(policy.delay(afterFailures: 0) == .seconds(10))
        #expect(policy.delay(afterFailures: 10_000) == .seconds(3600))
    }

    @Test("a test's milliseconds policy; whole milliseconds to the database; given up at the horizon, not before")
    func millisecondsAndHorizon() {
        let policy = WebhookRetryPolicy.from(environment: ["RCM_WEBHOOK_RETRY_BASE_MS": "150", "RCM_WEBHOOK_RETRY_CAP_MS": "500", "RCM_WEBHOOK_GIVE_UP_MS": "2000"])
        #expect([1, 2, 3, 4].map { WebhookRetryPolicy.milliseconds(policy.delay(afterFailures: $0)) } == [150, 300, 500, 500])
        let first = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!policy.givesUp(firstFailure: first, now: first.addingTimeInterval(1.999)))
        #expect(policy.givesUp(firstFailure: first, now: first.addingTimeInterval(2)))
    }
}
