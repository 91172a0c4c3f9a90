import EventStore
import Foundation
import Postgres

/// The claims of a practice's work queues, from `rcm_analytics.claim_status` (the live analyst table, under the
/// login's row-level security): one indexed query per queue instead of folding every claim's stream.
public enum WorkQueueClaims {
    /// One claim in a queue.
    public struct Row: Sendable, Hashable {
        public let claimID: String
        public let claimNumber: String
        public let status: String
        public let payerID: String
        public let provider: String
        public let serviceDate: String
        public let submittedOn: String?
        public let charges: Int64
        public let balance: Int64
        public let openDenials: Int
        public let scrubFailed: Bool
        /// The last scrub found errors (no correction since).
        public let lastScrubFailed: Bool
    }

    static let sql = """
        SELECT c.claim_id, c.claim_number, c.status, c.payer_id, coalesce(c.rendering_provider, '') AS provider,
               c.service_date::text AS service_date, c.payer_submitted_on::text AS submitted_on, c.charges, c.balance,
               c.open_denials, c.scrub_failed, c.last_scrub_failed
        FROM rcm_analytics.claim_status c JOIN rcm.tenants tn ON tn.tenant_id = c.tenant_id
        WHERE c.tenant_id = $1::uuid AND c.status = ANY (string_to_array($2::text, ','))
          AND ($5::int IS NULL OR c.payer_submitted_on <= (now() AT TIME ZONE tn.time_zone)::date - $5::int)
          AND ($3::text IS NULL OR c.claim_number = ANY (string_to_array($3::text, ',')))
          AND ($6::boolean IS NULL OR c.last_scrub_failed = $6::boolean)
        ORDER BY c.service_date, c.claim_number
        LIMIT $4::int
        """

    /// A practice's claims in these statuses (`draft`, `rejected`, …), oldest service first, at most `limit`;
    /// only those with these claim numbers, or sent to the current payer at least `submittedDaysAgo` days
    /// before the practice's today, or whose last scrub failed (or did not), when given.
    public static func load(
        tenant: String, statuses: [String], claimNumbers: [String]? = nil, submittedDaysAgo: Int? = nil, lastScrubFailed: Bool? = nil,
        limit: Int, in session: DatabaseSession
    ) throws -> [Row] {
        guard let found = try TenantDirectory.find(tenant, in: session) else { throw ProjectionError.unknownTenant(tenant) }
        let parameters: [SQLParameter] = [
            found.id.sqlParameter, SQLParameter(text: statuses.joined(separator: ",")), SQLParameter(text: claimNumbers?.joined(separator: ",")),
            SQLParameter(text: String(limit)), SQLParameter(text: submittedDaysAgo.map(String.init)),
            SQLParameter(text: lastScrubFailed.map { String($0) }),
        ]
        return try session.query(SQL("work_queue_claims", sql), parameters).rows.map { row in
            Row(
                claimID: try row.decode("claim_id"), claimNumber: try row.decode("claim_number"), status: try row.decode("status"),
                payerID: try row.decode("payer_id"), provider: try row.decode("provider"), serviceDate: try row.decode("service_date"),
                submittedOn: try row.decodeIfPresent("submitted_on"), charges: try row.decode("charges"), balance: try row.decode("balance"),
                openDenials: Int(try row.decode("open_denials", as: Int32.self)), scrubFailed: try row.decode("scrub_failed"),
                lastScrubFailed: try row.decode("last_scrub_failed"))
        }
    }
}
