import Postgres

extension Reports {
    /// Whether `run("aging", options)` answers from `aging_history`: as of a date, as known now. As known at a
    /// time the history cannot answer (it keeps what the log says now, not when each event was recorded), so
    /// that, and every other historical report, replays the log (`AsOfReplay`).
    public static func readsAgingHistory(_ options: ReportOptions) -> Bool {
        options.asOf != nil && options.knownAt == nil
    }

    /// Whether report `name` with these options reads the projection's tables (live, or aging as of a date),
    /// which must then have caught up with the log; the rest replay the log itself.
    public static func readsProjection(_ name: String, _ options: ReportOptions) -> Bool {
        guard names.contains(name) else { return false }
        return !options.isHistorical || (name == "aging" && readsAgingHistory(options))
    }

    /// Aging as of a date from `aging_history`: each claim's range holding the date, its balance on each side
    /// aged from the anchor to that date, grouped and bucketed exactly as `aging` groups the replayed tables
    /// (a test holds the two equal to the cent, every anchor). One indexed range scan per practice.
    public static func agingFromHistory(_ options: ReportOptions, in session: DatabaseSession) throws -> Report {
        guard readsAgingHistory(options) else { return try aging(options, in: session) }
        return try query("aging", agingColumns, options, in: session, replaying: false) { t in
            """
            WITH held AS (
                SELECT h.* FROM \(t.agingHistory) h
                WHERE h.valid_until > $2::date AND h.valid_from <= $2::date
                  AND (h.insurance_balance <> 0 OR h.patient_balance <> 0)
                  AND ($1::uuid IS NULL OR h.tenant_id = $1::uuid)
            ), open AS (
                SELECT h.tenant_id, s.side, h.payer_id, h.rendering_provider, s.amount, h.service_date, s.submitted,
                       h.last_activity_on
                FROM held h CROSS JOIN LATERAL (VALUES
                    ('insurance', h.insurance_balance, coalesce(h.payer_submitted_on, h.created_on)),
                    ('patient', h.patient_balance, coalesce(h.patient_billed_on, h.created_on))) s (side, amount, submitted)
                WHERE s.amount <> 0
            ), aged AS (
                SELECT o.*, tn.slug,
                       $2::date - CASE $4::text WHEN 'submitted' THEN o.submitted WHEN 'activity' THEN o.last_activity_on
                                     ELSE o.service_date END AS age
                FROM open o JOIN rcm.tenants tn ON tn.tenant_id = o.tenant_id
                WHERE ($3::timestamptz IS NULL OR true)
            )
            SELECT slug AS tenant, side, payer_id AS payer, rendering_provider AS provider,
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

    /// The aging report's columns.
    static let agingColumns: [Report.Column] = [
        .init("tenant", .text), .init("side", .text), .init("payer", .text), .init("provider", .text),
        .init("0-30", .money), .init("31-60", .money), .init("61-90", .money), .init("91-120", .money),
        .init("121+", .money), .init("total", .money), .init("credits", .money),
    ]
}
