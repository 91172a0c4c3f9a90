import EventStore
import Foundation
import Postgres
import Projections

extension RevenueCycle {
    /// A report (aging, ar, denials, kpis) from the analyst tables, or as of a date / as known at a time from the log.
    public func report(_ name: String, options: ReportOptions) async throws -> Report {
        try await postgres.run { session in
            // A live report from tables short of the log would print an incomplete answer as if it were true.
            if !options.isHistorical && Reports.names.contains(name) { try ProjectionFreshness.check(tenant: options.tenant, in: session) }
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
    public func rebuildProjections(jobs: Int, batchSize: Int, progress: @escaping @Sendable (RebuildProgress) -> Void) async throws -> Int64 {
        try await ProjectionRebuild(batchSize: batchSize).run(settings: try postgres.settings, jobs: jobs, progress: progress)
    }

    /// Catches the projections up once; returns the events applied.
    public func catchUpProjections() async throws -> Int {
        try await postgres.run { session in try ProjectionRunner().catchUpAll(in: session) }
    }

    /// Catches up, then follows the log until cancelled (notifications, with polling as a fallback).
    public func followProjections(pollInterval: Duration, onApplied: @escaping @Sendable (Int) -> Void) async throws {
        try await ProjectionRunner().follow(try postgres.connection, pollInterval: pollInterval, onApplied: onApplied)
    }
}
