import Application
import Demo
import EventStore
import Foundation

/// The 271 step's patients without the full claims load (run only when `--only` names it): the demo company at medium
/// scale over 10 practices with one session per patient, about 40,000 patients, each insured one with a claim, so the
/// payer with the most claims has well over 10,000 patients with coverage. Then `--scale full --reuse --only
/// eligibility-import` over the same database asks and imports 10,000 of them, as over the full claims load.
func eligibilityLoadBenchmark(_ context: BenchContext) throws -> [Figure] {
    let options = DemoOptions(seed: 11, scale: .medium, tenants: 10, staffLogin: nil, maxSessionsPerPatient: 1)
    progress("seeding the 271 step's roster: \(options.scale.rawValue) scale over \(options.tenants) practices, one session per patient")
    let settings = context.settings
    let start = nanoseconds()
    let summary = try blocking {
        let admin = try await RevenueCycle.connect(settings: settings)
        return try await DemoSeeder().seed(options, admin: admin.backend)
    }
    let elapsed = seconds(since: start)
    let session = try context.session()
    try EventLog.vacuumAnalyze(in: session)
    var figure = Figure(
        id: "eligibility.load", name: "load: the 271 step's roster (\(summary.patients) patients, \(options.tenants) practices)",
        value: Double(summary.patients) / elapsed, unit: "patients/s")
    figure.details = ["patients": Double(summary.patients), "sessions": Double(summary.sessions), "seconds": elapsed]
    figure.note = "the demo's patients with one session each, decided by the domain; data for the eligibility-import step"
    return [figure]
}
