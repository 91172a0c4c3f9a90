import EventStore
import Foundation
import Postgres

/// A live report reads the analyst tables, so they must hold every event of the practices it covers: an
/// empty or short report printed as if it were true is worse than none (issue 15, "silent emptiness").
///
/// Before a live report the projections are caught up for the practices in scope (when this login may write
/// them), then each practice's checkpoint must have reached the head its log had before the catch-up. A login
/// that only reads (analyst, auditor) waits a moment for another command's catch-up, then gets the same error.
public enum ProjectionFreshness {
    /// How long a read-only login waits for a checkpoint to reach the head it saw.
    static let patience: Duration = .seconds(3)

    /// Throws `ProjectionError.behind` naming the projection, the practice, its checkpoint and its head when a
    /// projection does not reach the head; `tenant` narrows the check to one practice.
    public static func check(tenant: String?, in session: DatabaseSession) throws {
        let practices = try TenantDirectory.list(in: session).filter { $0.kind == .practice && (tenant == nil || $0.slug == tenant || $0.id.description == tenant) }
        guard !practices.isEmpty else { return }
        var heads: [TenantID: Int64] = [:]
        for practice in practices { heads[practice.id] = try EventLog.headPosition(tenant: practice.id, in: session) }
        var catchUpFailure: String?
        if try mayWrite(in: session) {
            do {
                for practice in practices { try ProjectionRunner().catchUp(tenant: practice.id, in: session) }
            } catch {
                catchUpFailure = "\(error)"
            }
        }
        let deadline = ContinuousClock.now + (catchUpFailure == nil ? patience : .zero)
        while true {
            let behind = try stragglers(practices, heads: heads, in: session)
            guard let first = behind.first else { return }
            if ContinuousClock.now >= deadline {
                let reason = catchUpFailure.map { "; catching up failed: \($0)" } ?? ""
                throw ProjectionError.behind(
                    "projection \(first.projection) is behind practice \(first.tenant)'s log (checkpoint \(first.position), head \(first.head))"
                        + (behind.count > 1 ? " and \(behind.count - 1) more" : "") + reason
                        + "; the report would be incomplete, so none is printed (rcm projections status, rcm projections run)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    static let mayWriteSQL = SQL("projection_may_write", "SELECT has_table_privilege('rcm.checkpoints', 'INSERT') AS writes")

    /// Whether this login may advance checkpoints (staff and owners; analysts and auditors only read).
    static func mayWrite(in session: DatabaseSession) throws -> Bool {
        try session.query(mayWriteSQL).first?.decode("writes") ?? false
    }

    /// Each projection whose checkpoint in a practice is short of the head that practice's log had.
    static func stragglers(_ practices: [Tenant], heads: [TenantID: Int64], in session: DatabaseSession) throws
        -> [(projection: String, tenant: String, position: Int64, head: Int64)]
    {
        var behind: [(projection: String, tenant: String, position: Int64, head: Int64)] = []
        for name in Projections.names {
            for practice in practices {
                let head = heads[practice.id] ?? 0
                let position = try Checkpoints(consumer: name).read(tenant: practice.id, in: session)
                if position < head { behind.append((name, practice.slug, position, head)) }
            }
        }
        return behind
    }
}
