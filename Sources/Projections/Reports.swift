import EventStore
import Foundation
import Postgres

/// What a report covers: one tenant or every tenant the login may see, live or as of a date / known at a time.
public struct ReportOptions: Sendable, Hashable {
    /// A tenant's slug or id; nil for every tenant the login may see (the report then has a total row).
    public var tenant: String?
    /// Answer from the log as of this business date (`YYYY-MM-DD`): events effective on or before it.
    public var asOf: String?
    /// Answer from the log as known at this time: events recorded after it are ignored.
    public var knownAt: Date?
    /// The aging anchor: `service` (date of service), `submitted` (first submission to the current payer,
    /// or billing to the patient), or `activity` (last activity).
    public var anchor: AgingAnchor

    /// Options.
    public init(tenant: String? = nil, asOf: String? = nil, knownAt: Date? = nil, anchor: AgingAnchor = .service) {
        self.tenant = tenant
        self.asOf = asOf
        self.knownAt = knownAt
        self.anchor = anchor
    }

    /// Whether the report must be answered from the log rather than the live tables.
    public var isHistorical: Bool { asOf != nil || knownAt != nil }
}

/// The date an open balance is aged from.
public enum AgingAnchor: String, Sendable, Hashable, CaseIterable {
    /// The date of service.
    case service
    /// First submission to the current payer (insurance), or when the patient was billed (patient).
    case submitted
    /// The last activity on the claim.
    case activity
}

/// The reports: aging, A/R, denials and monthly KPIs, as library functions returning rows.
public enum Reports {
    /// Every report's name.
    public static let names = ["aging", "ar", "denials", "kpis"]

    /// Runs a report by name. Aging as of a date (as known now) reads `aging_history` (`agingFromHistory`);
    /// every other historical report replays the log.
    public static func run(_ name: String, _ options: ReportOptions, in session: DatabaseSession) throws -> Report {
        switch name {
        case "aging": try readsAgingHistory(options) ? agingFromHistory(options, in: session) : aging(options, in: session)
        case "ar": try accountsReceivable(options, in: session)
        case "denials": try denials(options, in: session)
        case "kpis": try kpis(options, in: session)
        default: throw ProjectionError.unsupported("there is no report named \(name) (known: \(names.joined(separator: ", ")))")
        }
    }

    /// Open balances by tenant, side (insurance / patient), payer and rendering provider, in buckets of
    /// 0–30, 31–60, 61–90, 91–120 and 121+ days from the anchor, with credit balances apart.
    /// The age is counted to the as-of date, else to the known-at time's date, else today, in the tenant's time zone.
    /// Live, it reads `ar_open_rollup` (decision 0304); as of a date or known at a time, it scans the replayed tables.
    public static func aging(_ options: ReportOptions, in session: DatabaseSession) throws -> Report {
        try aging(options, source: options.isHistorical ? .scan : .rollup, in: session)
    }

    /// The aging report from a chosen source, aged to `day` (`YYYY-MM-DD`) instead of today when given: the rollup
    /// and the scan of the live tables give the same report to the cent (AgingRollupTests); the benchmark times both.
    @_spi(Benchmark)
    public static func aging(
        _ options: ReportOptions, source: BalanceSource, agedTo day: String? = nil, in session: DatabaseSession
    ) throws -> Report {
        let columns: [Report.Column] = [
            .init("tenant", .text), .init("side", .text), .init("payer", .text), .init("provider", .text),
            .init("0-30", .money), .init("31-60", .money), .init("61-90", .money), .init("91-120", .money),
            .init("121+", .money), .init("total", .money), .init("credits", .money),
        ]
        if source == .rollup {
            return try query("aging", columns, options, agedTo: day, in: session) { t in
                guard let rollup = t.openRollup else { throw ProjectionError.unsupported("an as-of report has no rollup; scan") }
                return RollupReportSQL.aging(rollup)
            }
        }
        if options.anchor == .service {
            // The scan's fast path: open balances already summed by date of service.
            return try query("aging", columns, options, agedTo: day, in: session) { t in
                """
                WITH aged AS (
                    SELECT o.*, tn.slug, r.day - o.service_date AS age
                    FROM \(t.open) o JOIN rcm.tenants tn ON tn.tenant_id = o.tenant_id
                    CROSS JOIN LATERAL (SELECT coalesce($2::date,
                        (coalesce($3::timestamptz, now()) AT TIME ZONE tn.time_zone)::date) AS day) r
                    WHERE o.claims > 0 AND ($1::uuid IS NULL OR o.tenant_id = $1::uuid) AND ($4::text IS NULL OR true)
                )
                SELECT slug AS tenant, side, payer_id AS payer, rendering_provider AS provider,
                       coalesce(sum(open_amount) FILTER (WHERE age <= 30), 0) AS "0-30",
                       coalesce(sum(open_amount) FILTER (WHERE age BETWEEN 31 AND 60), 0) AS "31-60",
                       coalesce(sum(open_amount) FILTER (WHERE age BETWEEN 61 AND 90), 0) AS "61-90",
                       coalesce(sum(open_amount) FILTER (WHERE age BETWEEN 91 AND 120), 0) AS "91-120",
                       coalesce(sum(open_amount) FILTER (WHERE age > 120), 0) AS "121+",
                       coalesce(sum(open_amount), 0) AS total, coalesce(sum(credit_amount), 0) AS credits
                FROM aged GROUP BY slug, side, payer_id, rendering_provider
                ORDER BY slug, side, payer_id, provider
                """
            }
        }
        return try query("aging", columns, options, agedTo: day, in: session) { t in
            """
            WITH open AS (
                SELECT c.tenant_id, 'insurance' AS side, c.payer_id, c.rendering_provider, c.insurance_balance AS amount,
                       c.service_date, coalesce(c.payer_submitted_on, c.created_on) AS submitted, c.last_activity_on
                FROM \(t.claimStatus) c WHERE c.insurance_balance <> 0 AND ($1::uuid IS NULL OR c.tenant_id = $1::uuid)
                UNION ALL
                SELECT c.tenant_id, 'patient', c.payer_id, c.rendering_provider, c.patient_balance,
                       c.service_date, coalesce(c.patient_billed_on, c.created_on), c.last_activity_on
                FROM \(t.claimStatus) c WHERE c.patient_balance <> 0 AND ($1::uuid IS NULL OR c.tenant_id = $1::uuid)
            ), aged AS (
                SELECT o.*, tn.slug,
                       r.day - CASE $4::text WHEN 'submitted' THEN o.submitted WHEN 'activity' THEN o.last_activity_on
                                   ELSE o.service_date END AS age
                FROM open o JOIN rcm.tenants tn ON tn.tenant_id = o.tenant_id
                CROSS JOIN LATERAL (SELECT coalesce($2::date,
                    (coalesce($3::timestamptz, now()) AT TIME ZONE tn.time_zone)::date) AS day) r
            )
            SELECT slug AS tenant, side, payer_id AS payer, coalesce(rendering_provider, '') AS provider,
                   coalesce(sum(amount) FILTER (WHERE amount > 0 AND age <= 30), 0) AS "0-30",
                   coalesce(sum(amount) FILTER (WHERE amount > 0 AND age BETWEEN 31 AND 60), 0) AS "31-60",
                   coalesce(sum(amount) FILTER (WHERE amount > 0 AND age BETWEEN 61 AND 90), 0) AS "61-90",
                   coalesce(sum(amount) FILTER (WHERE amount > 0 AND age BETWEEN 91 AND 120), 0) AS "91-120",
                   coalesce(sum(amount) FILTER (WHERE amount > 0 AND age > 120), 0) AS "121+",
                   coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS total,
                   coalesce(sum(amount) FILTER (WHERE amount < 0), 0) AS credits
            FROM aged GROUP BY slug, side, payer_id, rendering_provider
            ORDER BY slug, side, payer_id, provider
            """
        }
    }

    /// Balances by tenant and payer: open claims, insurance and patient balances, credits, the payer's credit
    /// (its 835 money not applied to a claim: open or held, owed back to the payer until applied or refunded,
    /// negative like the claims' credits) and the net. A payer with unapplied money and no open claim has a
    /// row of its own; `net = insurance + patient + credits + payer_credit`.
    /// Live, it reads `ar_open_rollup`'s top blocks (decision 0304); as of a date or known at a time, it scans.
    public static func accountsReceivable(_ options: ReportOptions, in session: DatabaseSession) throws -> Report {
        try accountsReceivable(options, source: options.isHistorical ? .scan : .rollup, in: session)
    }

    /// The A/R report from a chosen source (the benchmark times both; AgingRollupTests compares them).
    @_spi(Benchmark)
    public static func accountsReceivable(_ options: ReportOptions, source: BalanceSource, in session: DatabaseSession) throws -> Report {
        let columns: [Report.Column] = [
            .init("tenant", .text), .init("payer", .text), .init("claims", .count), .init("insurance", .money),
            .init("patient", .money), .init("credits", .money), .init("payer_credit", .money), .init("net", .money),
        ]
        if source == .rollup {
            return try query("ar", columns, options, in: session) { t in
                guard let rollup = t.openRollup else { throw ProjectionError.unsupported("an as-of report has no rollup; scan") }
                return RollupReportSQL.accountsReceivable(rollup, remittances: t.remittances)
            }
        }
        return try query("ar", columns, options, in: session) { t in
            """
            WITH balances AS (
                SELECT c.tenant_id, c.payer_id, count(*) AS claims,
                       sum(greatest(c.insurance_balance, 0)) AS insurance, sum(greatest(c.patient_balance, 0)) AS patient,
                       sum(least(c.insurance_balance, 0) + least(c.patient_balance, 0)) AS credits,
                       sum(c.insurance_balance + c.patient_balance) AS net
                FROM \(t.claimStatus) c
                WHERE (c.insurance_balance <> 0 OR c.patient_balance <> 0) AND ($1::uuid IS NULL OR c.tenant_id = $1::uuid)
                GROUP BY c.tenant_id, c.payer_id
            ), unapplied AS (
                SELECT r.tenant_id, r.payer_id, sum(r.unapplied_open + r.unapplied_held) AS amount
                FROM \(t.remittances) r WHERE $1::uuid IS NULL OR r.tenant_id = $1::uuid
                GROUP BY r.tenant_id, r.payer_id HAVING sum(r.unapplied_open + r.unapplied_held) <> 0
            )
            SELECT tn.slug AS tenant, coalesce(b.payer_id, u.payer_id) AS payer, coalesce(b.claims, 0) AS claims,
                   coalesce(b.insurance, 0) AS insurance, coalesce(b.patient, 0) AS patient, coalesce(b.credits, 0) AS credits,
                   -coalesce(u.amount, 0) AS payer_credit, coalesce(b.net, 0) - coalesce(u.amount, 0) AS net
            FROM balances b FULL JOIN unapplied u ON u.tenant_id = b.tenant_id AND u.payer_id = b.payer_id
            JOIN rcm.tenants tn ON tn.tenant_id = coalesce(b.tenant_id, u.tenant_id)
            WHERE ($2::date IS NULL OR true) AND ($3::timestamptz IS NULL OR true) AND ($4::text IS NULL OR true)
            ORDER BY tn.slug, payer
            """
        }
    }

    /// Open denials by tenant, payer, reason (group-CARC) and status: count, amount, the nearest due date.
    public static func denials(_ options: ReportOptions, in session: DatabaseSession) throws -> Report {
        let columns: [Report.Column] = [
            .init("tenant", .text), .init("payer", .text), .init("reason", .text), .init("status", .text),
            .init("denials", .count), .init("amount", .money), .init("next_due", .text), .init("overdue", .count),
        ]
        return try query("denials", columns, options, in: session) { t in
            """
            SELECT tn.slug AS tenant, d.payer_id AS payer, coalesce(d.group_code || '-' || d.carc, '') AS reason,
                   d.status, count(*) AS denials, sum(d.amount) AS amount, min(d.due_date)::text AS next_due,
                   count(*) FILTER (WHERE d.due_date < coalesce($2::date,
                       (coalesce($3::timestamptz, now()) AT TIME ZONE tn.time_zone)::date)) AS overdue
            FROM \(t.denials) d JOIN rcm.tenants tn ON tn.tenant_id = d.tenant_id
            WHERE d.status <> 'resolved' AND ($1::uuid IS NULL OR d.tenant_id = $1::uuid) AND ($4::text IS NULL OR true)
            GROUP BY tn.slug, d.payer_id, reason, d.status ORDER BY tn.slug, d.payer_id, reason, d.status
            """
        }
    }

    /// Monthly KPIs per tenant (from `rcm_analytics.kpis_monthly`; live only).
    public static func kpis(_ options: ReportOptions, in session: DatabaseSession) throws -> Report {
        guard !options.isHistorical else {
            throw ProjectionError.unsupported(
                "kpis are reported from the live tables only; use --as-of or --known-at with aging, ar or denials")
        }
        let columns: [Report.Column] = [
            .init("tenant", .text), .init("month", .text), .init("charges", .money), .init("payments", .money),
            .init("adjustments", .money), .init("ending_ar", .money), .init("days_in_ar", .decimal),
            .init("pct_ar_over_90", .decimal), .init("clean_claim_rate", .decimal),
            .init("first_pass_resolution_rate", .decimal), .init("denial_rate", .decimal),
            .init("denial_rate_dollars", .decimal), .init("net_collection_rate", .decimal),
            // The numerators and denominators, so that a window of months can be summed rather than its rates averaged.
            .init("ar_over_90", .money), .init("trailing_90_charges", .money), .init("claims_adjudicated", .count),
            .init("claims_denied", .count), .init("write_offs", .money),
        ]
        // The tenants' names are read first (MATERIALIZED): on Citus the view is planned in steps, and a join of its
        // intermediate results with the reference table would reach the coordinator's own placement over a
        // connection of its own, which the operator's pg_hba.conf need not admit.
        return try query("kpis", columns, options, in: session) { _ in
            """
            WITH tn AS MATERIALIZED (SELECT tenant_id, slug FROM rcm.tenants)
            SELECT tn.slug AS tenant, to_char(k.month, 'YYYY-MM') AS month, k.charges, k.payments, k.adjustments,
                   k.ending_ar, k.days_in_ar::text, k.pct_ar_over_90::text, k.clean_claim_rate::text,
                   k.first_pass_resolution_rate::text, k.denial_rate::text, k.denial_rate_dollars::text,
                   k.net_collection_rate::text, k.ar_over_90, k.trailing_90_charges, k.claims_adjudicated, k.claims_denied,
                   k.write_offs
            FROM rcm_analytics.kpis_monthly k JOIN tn ON tn.tenant_id = k.tenant_id
            WHERE ($1::uuid IS NULL OR k.tenant_id = $1::uuid) AND ($2::date IS NULL OR true)
              AND ($3::timestamptz IS NULL OR true) AND ($4::text IS NULL OR true)
            ORDER BY tn.slug, k.month
            """
        }
    }

    /// Resolves the tenant, materialises the as-of tables when needed (unless `replaying` is false: the SQL then
    /// answers the historical options from the live tables itself), runs the SQL and decodes the rows.
    /// `day` ages balances to that date instead of today without replaying anything (the live tables as they are).
    static func query(
        _ name: String, _ columns: [Report.Column], _ options: ReportOptions, agedTo day: String? = nil,
        in session: DatabaseSession, replaying: Bool = true, sql: (ProjectionTables) throws -> String
    ) throws -> Report {
        var tenantID: TenantID?
        if let wanted = options.tenant {
            guard let tenant = try TenantDirectory.find(wanted, in: session) else {
                throw ProjectionError.unknownTenant(wanted)
            }
            tenantID = tenant.id
        }
        if let asOf = options.asOf, LocalDateText.isValid(asOf) == false {
            throw ProjectionError.unsupported("--as-of wants a date as YYYY-MM-DD, not \(asOf)")
        }
        let replays = options.isHistorical && replaying
        let tables: ProjectionTables = replays ? .temporary : .analystViews
        if let day, LocalDateText.isValid(day) == false {
            throw ProjectionError.unsupported("a report ages to a date as YYYY-MM-DD, not \(day)")
        }
        let statement = SQL("report_\(name)_\(replays ? "asof" : "live")", try sql(tables), prepared: false)
        let parameters: [SQLParameter] = [
            tenantID?.sqlParameter ?? .null, SQLParameter(text: options.asOf ?? day), options.knownAt?.sqlParameter ?? .null,
            SQLParameter(text: options.anchor.rawValue),
        ]
        let result = try session.withTransaction(.repeatableRead) { session -> QueryResult in
            try session.query(BatchApplier.dateStyleSQL)
            if replays {
                let tenants = try tenantID.map { [$0] } ?? TenantDirectory.list(in: session).map(\.id)
                try AsOfReplay.materialize(tenants: tenants, asOf: options.asOf, knownAt: options.knownAt, in: session)
            }
            return try session.query(statement, parameters)
        }
        var rows: [[Report.Value]] = []
        for row in result.rows {
            rows.append(
                try columns.enumerated().map { index, column in
                    if try row.isNull(result.columns[index]) { return .null }
                    switch column.kind {
                    case .text: return .text(try row.decode(at: index))
                    case .money: return .money(try row.decode(at: index))
                    case .count: return .count(try row.decode(at: index))
                    case .decimal: return .decimal(try row.decode(at: index))
                    }
                })
        }
        let report = Report(name: name, columns: columns, rows: rows)
        return tenantID == nil ? report.withTotal() : report
    }
}

/// Checks `YYYY-MM-DD` text.
enum LocalDateText {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return year > 0 && (1...12).contains(month) && (1...31).contains(day)
    }
}
