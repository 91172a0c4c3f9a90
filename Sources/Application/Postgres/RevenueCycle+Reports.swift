import EventStore
import Foundation
import Postgres
import Projections

extension RevenueCycle {
    /// A report (aging, ar, denials, kpis) from the analyst tables (aging as of a date from `aging_history`), or as
    /// of a date / as known at a time from the log.
    public func report(_ name: String, options: ReportOptions) async throws -> Report {
        try await postgres.run { session in
            // A report from tables short of the log would print an incomplete answer as if it were true.
            if Reports.readsProjection(name, options) {
                do {
                    try ProjectionFreshness.check(tenant: options.tenant, in: session)
                } catch is ProjectionError where options.isHistorical {
                    // Aging as of a date reads aging_history when it has caught up; behind the log, it replays the log
                    // as every historical report did before V0021, so it stays available (and right) meanwhile.
                    return try Reports.aging(options, in: session)
                }
            }
            return try Reports.run(name, options, in: session)
        }
    }

    /// A claim's whole history (each event with actor, times, source, reason and the balance after it).
    /// `forPeople` gives the table a terminal can hold (see `ClaimHistory.report`).
    public func claimHistory(_ claim: String, tenant: String, forPeople: Bool = false) async throws -> Report {
        try await postgres.run { session in
            guard let found = try TenantDirectory.find(tenant, in: session) else { throw ProjectionError.unknownTenant(tenant) }
            return ClaimHistory.report(try ClaimHistory.load(tenant: found.id, claim: claim, in: session), forPeople: forPeople)
        }
    }

    /// Each projection's position and lag in each practice's log.
    public func projectionStatus() async throws -> Report {
        try await postgres.run { session in ProjectionStatus.report(try ProjectionStatus.load(in: session)) }
    }

    /// Replays the log into new tables and switches them in; returns the events replayed.
    /// Then the alerts analyst table is rebuilt too (`refreshAlerts`).
    public func rebuildProjections(jobs: Int, batchSize: Int, progress: @escaping @Sendable (RebuildProgress) -> Void) async throws -> Int64 {
        let replayed = try await ProjectionRebuild(batchSize: batchSize).run(settings: try postgres.settings, jobs: jobs, progress: progress)
        try await refreshAlerts()
        return replayed
    }

    /// Replaces every active practice's rows of the alerts analyst table (`rcm_analytics.alerts`) with its alerts on
    /// its business date (`RCM_BUSINESS_DATE` or today in its time zone), as `rcm alerts list` shows them; returns
    /// the rows written. Each practice in its own transaction.
    @discardableResult
    public func refreshAlerts() async throws -> Int {
        let practices = try await postgres.run { session in
            try TenantDirectory.list(in: session).filter { $0.kind == .practice && $0.status == .active }
        }
        var written = 0
        for practice in practices {
            let (alerts, today) = try await inTenant(practice.slug) { tx, context in
                (try AlertService().list(context: context, in: tx), context.today)
            }
            written += try await postgres.run { session in
                try session.withTransaction { tx in try AlertsTable.replace(tenant: practice.id, with: alerts, asOf: today, in: tx) }
            }
        }
        return written
    }

    /// Catches the projections up once; returns the events applied.
    public func catchUpProjections() async throws -> Int {
        try await postgres.run { session in try ProjectionRunner().catchUpAll(in: session) }
    }

    /// Catches up, then follows the log until cancelled (notifications, with polling as a fallback), on a
    /// connection of its own that is replaced when the database restarts (`onInterruption` hears of it).
    public func followProjections(
        pollInterval: Duration, batchSize: Int = 5000, onApplied: @escaping @Sendable (Int) -> Void,
        onInterruption: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws {
        try await ProjectionRunner(batchSize: batchSize).follow(
            settings: try postgres.settings, pollInterval: pollInterval, onApplied: onApplied, onInterruption: onInterruption)
    }
}
