import EventStore
import Foundation
import Postgres

/// The sessions of a practice not yet on a claim, from `rcm_analytics.session_index` (the live analyst table, under
/// the login's row-level security): logged, not voided, and named by no `claim.created`. The console's work queue.
public enum UnclaimedSessions {
    /// One session waiting for its claim.
    public struct Row: Sendable, Hashable {
        public let sessionID: String
        public let patientKey: String
        public let dateOfService: String
        public let provider: String
        public let loggedOn: String
        /// Days from the date of service to the practice's today.
        public let daysSince: Int
    }

    /// How the queue is ordered.
    public enum Order: String, Sendable, CaseIterable {
        /// Oldest date of service first.
        case date
        /// By provider, then oldest first.
        case provider
    }

    static func sql(_ order: Order) -> String {
        let orderBy = order == .provider ? "s.rendering, s.date_of_service, s.logged_position" : "s.date_of_service, s.logged_position"
        return """
            SELECT s.session_id, s.patient_key, s.date_of_service::text AS date_of_service, coalesce(s.rendering, '') AS provider,
                   s.logged_on::text AS logged_on, ((now() AT TIME ZONE tn.time_zone)::date - s.date_of_service) AS days_since,
                   count(*) OVER () AS total
            FROM rcm_analytics.session_index s JOIN rcm.tenants tn ON tn.tenant_id = s.tenant_id
            WHERE s.tenant_id = $1::uuid AND s.claim_id IS NULL AND NOT s.voided
              AND ($2::text IS NULL OR s.rendering = $2::text) AND ($4::text IS NULL OR s.session_id = $4::text)
            ORDER BY \(orderBy)
            LIMIT $3::int
            """
    }

    /// A practice's sessions not on a claim (only a provider's, or only one session, when given), in `order`, at most
    /// `limit`; and how many there are in all.
    public static func load(
        tenant: String, provider: String?, sessionID: String? = nil, order: Order, limit: Int, in session: DatabaseSession
    ) throws -> (rows: [Row], total: Int) {
        guard let found = try TenantDirectory.find(tenant, in: session) else { throw ProjectionError.unknownTenant(tenant) }
        let parameters: [SQLParameter] = [
            found.id.sqlParameter, SQLParameter(text: provider), SQLParameter(text: String(limit)), SQLParameter(text: sessionID),
        ]
        var total = 0
        let rows = try session.query(SQL("unclaimed_sessions_\(order.rawValue)", sql(order)), parameters).rows.map { row in
            total = Int(try row.decode("total", as: Int64.self))
            return Row(
                sessionID: try row.decode("session_id"), patientKey: try row.decode("patient_key"), dateOfService: try row.decode("date_of_service"),
                provider: try row.decode("provider"), loggedOn: try row.decode("logged_on"), daysSince: Int(try row.decode("days_since", as: Int32.self)))
        }
        return (rows, total)
    }
}
