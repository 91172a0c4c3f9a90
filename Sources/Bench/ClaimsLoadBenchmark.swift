import Application
import Demo
import Dispatch
import EventStore
import Foundation
import Postgres

/// Loads real billing data for the projection and report figures: the demo generator's company, with its
/// practices, patients, twelve months of sessions and a claim per insured session (small: 3 practices and
/// about 1,500 sessions; full: 50 practices and the large scale), decided by the billing domain and
/// appended through the event store like any other work.
func claimsLoadBenchmark(_ context: BenchContext) throws -> [Figure] {
    let options = DemoOptions(
        seed: 11, scale: context.scale == .full ? .huge : .small, tenants: context.scale == .full ? 50 : 3, staffLogin: nil)
    progress("seeding the demo company: \(options.scale.rawValue) scale over \(options.tenants) practices")
    let settings = context.settings
    let start = nanoseconds()
    let summary = try blocking {
        let admin = try await RevenueCycle.connect(settings: settings)
        return try await DemoSeeder().seed(options, admin: admin.backend)
    }
    let elapsed = seconds(since: start)
    let session = try context.session()
    let counts = try EventLog.countsByType(in: session)
    var figure = Figure(
        id: "claims.load", name: "load: the demo company's year (\(options.scale.rawValue), \(options.tenants) practices)",
        value: Double(summary.sessions) / elapsed, unit: "sessions/s")
    figure.details["sessions"] = Double(summary.sessions)
    figure.details["claims_in_log"] = Double(counts["claim.created"] ?? 0)
    figure.details["events_in_log"] = Double(counts.values.reduce(0, +))
    figure.details["seconds"] = elapsed
    figure.note = "patients, sessions, claims created and scrubbed, self-pay charges and payments, decided by the domain"
    try EventLog.vacuumAnalyze(in: session)
    return [figure]
}

/// Runs async work from the benchmark's synchronous steps.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let semaphore = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: Result<T, Error>?
    Task {
        do { result = .success(try await body()) } catch { result = .failure(error) }
        semaphore.signal()
    }
    semaphore.wait()
    return try result!.get()
}

