import EventStore
import Foundation
import Postgres

/// A practice's deposits (835 payments) from `rcm_analytics.remittances`: the list page and the traces that
/// still hold unapplied money, without folding every payment's stream.
public enum DepositList {
    /// One payment.
    public struct Row: Sendable, Hashable {
        public let traceNumber: String
        public let payerID: String
        public let paymentDate: String?
        public let amount: Int64
        public let postedAmount: Int64
        public let unappliedOpen: Int64
        public let unappliedHeld: Int64
        public let state: String
        public let reconciles: Bool
    }

    static let sql = """
        SELECT r.trace_number, r.payer_id, r.payment_date::text AS payment_date, r.amount, r.posted_amount, r.unapplied_open,
               r.unapplied_held, r.state, r.reconciles
        FROM rcm_analytics.remittances r
        WHERE r.tenant_id = $1::uuid AND ($2::boolean IS NOT TRUE OR r.state <> 'reconciled')
        ORDER BY r.received_position DESC
        LIMIT $3::int
        """

    /// The newest `limit` payments, or only those with money still open or held.
    public static func load(tenant: String, unappliedOnly: Bool, limit: Int, in session: DatabaseSession) throws -> [Row] {
        guard let found = try TenantDirectory.find(tenant, in: session) else { throw ProjectionError.unknownTenant(tenant) }
        let parameters: [SQLParameter] = [found.id.sqlParameter, SQLParameter(text: unappliedOnly ? "true" : "false"), SQLParameter(text: String(limit))]
        return try session.query(SQL("deposit_list", sql), parameters).rows.map { row in
            Row(
                traceNumber: try row.decode("trace_number"), payerID: try row.decode("payer_id"), paymentDate: try row.decodeIfPresent("payment_date"),
                amount: try row.decode("amount"), postedAmount: try row.decode("posted_amount"), unappliedOpen: try row.decode("unapplied_open"),
                unappliedHeld: try row.decode("unapplied_held"), state: try row.decode("state"), reconciles: try row.decode("reconciles"))
        }
    }
}
