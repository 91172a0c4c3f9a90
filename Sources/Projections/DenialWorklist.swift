import Billing
import EventStore
import Foundation
import Postgres

/// What a clerk narrows the denial worklist to.
public struct DenialWorklistFilter: Sendable, Hashable {
    /// A practice's slug or id; nil for every practice the login may see.
    public var tenant: String?
    /// Only denials owned by this staff login (`unassigned` for those without an owner).
    public var owner: String?
    /// Only denials by this payer.
    public var payer: String?
    /// Only denials with this reason: `CO-29`, or the CARC alone (`29`), or a RARC (`N54`).
    public var reason: String?
    /// Only denials whose appeal is due within this many days of `today` (overdue ones included).
    public var dueWithinDays: Int?
    /// Only denials in this state; nil for every state but resolved.
    public var status: DenialStatus?
    /// The business date days are counted from; nil for today in each practice's time zone.
    public var today: LocalDate?

    /// A filter; the defaults list every open denial.
    public init(
        tenant: String? = nil, owner: String? = nil, payer: String? = nil, reason: String? = nil, dueWithinDays: Int? = nil,
        status: DenialStatus? = nil, today: LocalDate? = nil
    ) {
        self.tenant = tenant
        self.owner = owner
        self.payer = payer
        self.reason = reason
        self.dueWithinDays = dueWithinDays
        self.status = status
        self.today = today
    }
}

/// The denial worklist: one row per denial from `rcm_analytics.denials`, with the claim number, the codes as
/// `CO-29` with our wording, the amount, owner, state, appeal due date and the days left to it.
public enum DenialWorklist {
    /// The worklist's columns.
    public static let columns: [Report.Column] = [
        .init("tenant", .text), .init("claim", .text), .init("denial", .text), .init("payer", .text), .init("reason", .text),
        .init("meaning", .text), .init("remarks", .text), .init("amount", .money), .init("owner", .text),
        .init("status", .text), .init("due", .text), .init("days_left", .count),
    ]

    static let sql = """
        SELECT tn.slug, c.claim_number, d.denial_id, d.payer_id, d.carc_all, d.rarc, d.amount, d.owner, d.status,
               d.due_date::text AS due,
               (d.due_date - coalesce($6::date, (now() AT TIME ZONE tn.time_zone)::date))::bigint AS days_left
        FROM rcm_analytics.denials d
        JOIN rcm_analytics.claim_status c ON c.tenant_id = d.tenant_id AND c.claim_id = d.claim_id
        JOIN rcm.tenants tn ON tn.tenant_id = d.tenant_id
        WHERE ($1::uuid IS NULL OR d.tenant_id = $1::uuid)
          AND ($2::text IS NULL OR coalesce(d.owner, 'unassigned') = $2)
          AND ($3::text IS NULL OR d.payer_id = $3)
          AND ($4::text IS NULL OR $4 = ANY (string_to_array(d.carc_all, ','))
               OR $4 = ANY (string_to_array(d.rarc, ',')) OR $4 = d.carc
               OR EXISTS (SELECT 1 FROM unnest(string_to_array(d.carc_all, ',')) AS r(code) WHERE split_part(r.code, '-', 2) = $4))
          AND (CASE WHEN $5::text IS NULL THEN d.status <> 'resolved' ELSE d.status = $5 END)
          AND ($7::int IS NULL OR d.due_date <= coalesce($6::date, (now() AT TIME ZONE tn.time_zone)::date) + $7::int)
        ORDER BY d.due_date, tn.slug, c.claim_number, d.denial_id
        """

    /// The worklist for a filter.
    public static func load(_ filter: DenialWorklistFilter, in session: DatabaseSession) throws -> Report {
        var tenantID: TenantID?
        if let wanted = filter.tenant {
            guard let tenant = try TenantDirectory.find(wanted, in: session) else { throw ProjectionError.unknownTenant(wanted) }
            tenantID = tenant.id
        }
        let parameters: [SQLParameter] = [
            tenantID?.sqlParameter ?? .null, SQLParameter(text: filter.owner), SQLParameter(text: filter.payer),
            SQLParameter(text: filter.reason), SQLParameter(text: filter.status?.rawValue),
            SQLParameter(text: filter.today?.description), SQLParameter(text: filter.dueWithinDays.map(String.init)),
        ]
        let result = try session.query(SQL("denial_worklist", sql), parameters)
        let rows = try result.rows.map { row -> [Report.Value] in
            let reasons = list(try row.decode("carc_all"))
            let remarks = list(try row.decode("rarc"))
            let owner: String? = try row.decodeIfPresent("owner")
            return [
                .text(try row.decode("slug")), .text(try row.decode("claim_number")), .text(try row.decode("denial_id")),
                .text(try row.decode("payer_id")), .text(reasons.joined(separator: " ")),
                .text(reasons.map(AdjustmentCatalog.meaning(ofReason:)).joined(separator: "; ")),
                .text(remarks.map { "\($0) \(AdjustmentCatalog.meaning(ofRemark: $0))" }.joined(separator: "; ")),
                .money(try row.decode("amount")), owner.map { .text($0) } ?? .null, .text(try row.decode("status")),
                .text(try row.decode("due")), .count(try row.decode("days_left")),
            ]
        }
        return Report(name: "denials", columns: columns, rows: rows)
    }

    private static func list(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}
