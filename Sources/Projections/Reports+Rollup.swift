/// Where a live report reads open balances.
@_spi(Benchmark)
public enum BalanceSource: Sendable, Hashable {
    /// `ar_open_rollup`: a few blocks of anchor dates per side, payer and provider (decision 0304). Live reports.
    case rollup
    /// A scan of `ar_open` (service anchor) or `claim_status` (other anchors, A/R): what every report did before the
    /// rollup, and what an as-of report still does over its replayed tables.
    case scan
}

/// The aging and A/R reports over `ar_open_rollup` (decision 0304). Parameters as every report's: `$1` the tenant or
/// null, `$2` the day to age to or null, `$3` the known-at time or null, `$4` the anchor.
enum RollupReportSQL {
    /// The days from 1970-01-01 of the first multiple of `grain` at or after `day` (both SQL integer expressions).
    static func ceiling(_ day: String, _ grain: String) -> String {
        "((\(day)) + ((\(grain)) - ((\(day)) % (\(grain)) + (\(grain))) % (\(grain))) % (\(grain)))"
    }

    /// A row's share of the suffix sum from the k-th bucket edge (today − 30k): its block lies in that suffix.
    static func inSuffix(_ k: Int) -> String { "(p.s >= b.lo\(k) AND (b.hi\(k) IS NULL OR p.s < b.hi\(k)))" }

    /// The open balances anchored on the k-th edge or later (k = 0: every top block, the total).
    static func suffix(_ k: Int) -> String {
        k == 0
            ? "coalesce(sum(p.open_amount) FILTER (WHERE b.up IS NULL), 0)"
            : "coalesce(sum(p.open_amount) FILTER (WHERE \(inSuffix(k))), 0)"
    }

    /// Aging by tenant, side, payer and provider. For each tenant, grain and edge b_k = today − 30k, the suffix from
    /// b_k takes the blocks of that grain from lo_k (the first boundary of the grain at or after b_k) up to hi_k (the
    /// first boundary of the next grain at or after b_k; none for the top grain). The rows read are every top block
    /// and, below it, the blocks at those starts (at most three per grain and edge): the `cell` list drives an index
    /// scan of the primary key; each row's share is then decided exactly by its own grain's bounds.
    static func aging(_ table: String) -> String {
        let grains = OpenRollup.grains
        let levels = grains.enumerated().map { index, grain in
            "(\(grain), \(index + 1 < grains.count ? String(grains[index + 1]) : "NULL::integer"))"
        }.joined(separator: ", ")
        let bounds = (1...4).map { k in
            "\(ceiling("tn.today - \(30 * k)", "g.grain")) AS lo\(k), \(ceiling("tn.today - \(30 * k)", "g.up")) AS hi\(k)"
        }.joined(separator: ",\n           ")
        let columns = "r.tenant_id, r.grain, r.period_start - DATE '1970-01-01' AS s, r.side, r.payer_id, r.rendering_provider, "
            + "r.open_amount, r.credit_amount, r.claims"
        let finer = grains.dropLast().map(String.init).joined(separator: ",")
        return """
            WITH tn AS MATERIALIZED (
                SELECT t.tenant_id, t.slug,
                       coalesce($2::date, (coalesce($3::timestamptz, now()) AT TIME ZONE t.time_zone)::date) - DATE '1970-01-01' AS today
                FROM rcm.tenants t WHERE $1::uuid IS NULL OR t.tenant_id = $1::uuid
            ), b AS MATERIALIZED (
                SELECT tn.tenant_id, tn.slug, g.grain, g.up,
                       \(bounds)
                FROM tn CROSS JOIN (VALUES \(levels)) AS g (grain, up)
            ), cell AS MATERIALIZED (
                SELECT DISTINCT DATE '1970-01-01' + (e.lo + j * b.grain) AS period_start
                FROM b CROSS JOIN LATERAL (VALUES (b.lo1, b.hi1), (b.lo2, b.hi2), (b.lo3, b.hi3), (b.lo4, b.hi4)) AS e (lo, hi)
                CROSS JOIN generate_series(0, \(OpenRollup.branching - 2)) AS j
                WHERE b.up IS NOT NULL AND e.lo + j * b.grain < e.hi
            ), picked AS (
                SELECT \(columns) FROM \(table) r
                WHERE ($1::uuid IS NULL OR r.tenant_id = $1::uuid) AND r.anchor = $4::text AND r.grain = \(OpenRollup.top)
                UNION ALL
                SELECT \(columns) FROM \(table) r
                WHERE ($1::uuid IS NULL OR r.tenant_id = $1::uuid) AND r.anchor = $4::text
                  AND r.grain = ANY ('{\(finer)}'::integer[]) AND r.period_start = ANY (ARRAY(SELECT period_start FROM cell))
            )
            SELECT b.slug AS tenant, p.side, p.payer_id AS payer, p.rendering_provider AS provider,
                   \(suffix(1)) AS "0-30",
                   \(suffix(2)) - \(suffix(1)) AS "31-60",
                   \(suffix(3)) - \(suffix(2)) AS "61-90",
                   \(suffix(4)) - \(suffix(3)) AS "91-120",
                   \(suffix(0)) - \(suffix(4)) AS "121+",
                   \(suffix(0)) AS total,
                   coalesce(sum(p.credit_amount) FILTER (WHERE b.up IS NULL), 0) AS credits
            FROM picked p JOIN b ON b.tenant_id = p.tenant_id AND b.grain = p.grain
            GROUP BY b.slug, p.side, p.payer_id, p.rendering_provider
            HAVING coalesce(sum(p.claims) FILTER (WHERE b.up IS NULL), 0) > 0
            ORDER BY b.slug, p.side, p.payer_id, provider
            """
    }

    /// Balances by tenant and payer from the top blocks of the service anchor, with the payer's unapplied money.
    static func accountsReceivable(_ table: String, remittances: String) -> String {
        """
        WITH balances AS (
            SELECT r.tenant_id, r.payer_id, sum(r.claims_once)::bigint AS claims,
                   coalesce(sum(r.open_amount) FILTER (WHERE r.side = 'insurance'), 0) AS insurance,
                   coalesce(sum(r.open_amount) FILTER (WHERE r.side = 'patient'), 0) AS patient,
                   sum(r.credit_amount) AS credits
            FROM \(table) r
            WHERE r.anchor = 'service' AND r.grain = \(OpenRollup.top) AND ($1::uuid IS NULL OR r.tenant_id = $1::uuid)
            GROUP BY r.tenant_id, r.payer_id HAVING sum(r.claims) > 0
        ), unapplied AS (
            SELECT r.tenant_id, r.payer_id, sum(r.unapplied_open + r.unapplied_held) AS amount
            FROM \(remittances) r WHERE $1::uuid IS NULL OR r.tenant_id = $1::uuid
            GROUP BY r.tenant_id, r.payer_id HAVING sum(r.unapplied_open + r.unapplied_held) <> 0
        )
        SELECT tn.slug AS tenant, coalesce(b.payer_id, u.payer_id) AS payer, coalesce(b.claims, 0) AS claims,
               coalesce(b.insurance, 0) AS insurance, coalesce(b.patient, 0) AS patient, coalesce(b.credits, 0) AS credits,
               -coalesce(u.amount, 0) AS payer_credit,
               coalesce(b.insurance + b.patient + b.credits, 0) - coalesce(u.amount, 0) AS net
        FROM balances b FULL JOIN unapplied u ON u.tenant_id = b.tenant_id AND u.payer_id = b.payer_id
        JOIN rcm.tenants tn ON tn.tenant_id = coalesce(b.tenant_id, u.tenant_id)
        WHERE ($2::date IS NULL OR true) AND ($3::timestamptz IS NULL OR true) AND ($4::text IS NULL OR true)
        ORDER BY tn.slug, payer
        """
    }
}
