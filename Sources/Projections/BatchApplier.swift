import EventStore
import Postgres

/// Folds a batch of events into the rows it touches and writes them: the one code path shared by the
/// live runner, the rebuild and the as-of replay, so that all three agree.
enum BatchApplier {
    /// Dates travel as text: make sure they print as `YYYY-MM-DD` whatever the server's setting.
    static let dateStyleSQL = SQL("proj_datestyle", "SELECT set_config('datestyle', 'ISO, YMD', true)")

    /// Decodes the entries, loads the touched rows from `tables`, applies the events in order, writes the
    /// changed rows.
    static func apply(_ entries: [LogEntry], tenant: String, to tables: ProjectionTables, in session: DatabaseSession) throws {
        guard !entries.isEmpty else { return }
        let events = try ProjectionEvents.decode(entries)
        let touched = ProjectionFold.touched(by: events)
        var fold = ProjectionFold(tenantID: tenant)
        let claims = ClaimsStore(tables: tables), index = IndexStore(tables: tables), remittances = RemittanceStore(tables: tables)
        let aging = AgingHistoryStore(tables: tables)
        try session.query(dateStyleSQL)
        try claims.load(tenant: tenant, claims: touched.claims.sorted(), into: &fold.claims, in: session)
        try index.load(tenant: tenant, sessions: touched.sessions.sorted(), into: &fold.index, in: session)
        try remittances.load(tenant: tenant, streams: touched.payments.sorted(), into: &fold.remittances, in: session)
        try aging.load(tenant: tenant, claims: touched.claims.sorted(), into: &fold.aging, in: session)
        for event in events { fold.apply(event) }
        try claims.write(fold.claims, in: session)
        try OpenRollupStore(tables: tables).write(fold.claims, in: session)
        try index.write(fold.index, in: session)
        try remittances.write(fold.remittances, in: session)
        try aging.write(fold.aging, in: session)
    }
}
