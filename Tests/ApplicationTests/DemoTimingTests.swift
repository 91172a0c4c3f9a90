import Application
import Demo
import Foundation
import TestSupport
import Testing

/// Times the seeder at a larger scale: `RCM_DEMO_SCALE=medium Scripts/test --filter DemoTimingTests`.
@Suite("Demo timing")
struct DemoTimingTests {
    static let scale = ProcessInfo.processInfo.environment["RCM_DEMO_SCALE"].flatMap(DemoScale.init(rawValue:))

    @Test("the seeder at RCM_DEMO_SCALE reports its time", .enabled(if: scale != nil))
    func timed() async throws {
        let database = try await TestDatabase.create("demo_timing")
        let options = DemoOptions(seed: 1, scale: Self.scale ?? .small, staffLogin: nil)
        let summary = try await DemoSeeder().seed(options, admin: try await RevenueCycle.connect(settings: database.settings).backend) { progress in
            FileHandle.standardError.write(Data("demo: \(progress.phase) \(progress.done)/\(progress.total)\n".utf8))
        }
        print("demo timing: \(options.scale.rawValue): \(summary.sessions) sessions, \(summary.claims) claims, \(summary.patients) patients, \(summary.events) batched events in \(String(format: "%.1f", summary.seconds)) s")
        #expect(summary.scrubPassed == summary.claims)
        await database.drop()
    }
}
