import Postgres

/// Folds a batch of events into the rows it touches and writes them: the one code path shared by the
/// live runner, the rebuild and the as-of replay, so that all three agree.
enum BatchApplier {
    /// Dates travel as text: make sure they print as `YYYY-MM-DD` whatever the server's setting.
    static let dateStyleSQL = SQL("proj_datestyle", "SELECT set_config('datestyle', 'ISO, YMD', true)")

    /// Loads the touched rows from `tables`, applies the events in order, writes the changed rows.
    static func apply(_ events: [LogEvent], tenant: String, to tables: ProjectionTables, in session: DatabaseSession) throws {
        guard !events.isEmpty else { return }
        let parsed = try events.map(ClaimsProjection.parse)
        var ids = Set<String>()
        for event in parsed where event.event.eventType != "claim.created" { ids.insert(event.claimID) }
        var fold = ClaimsFold()
        let store = ClaimsStore(tables: tables)
        try session.query(dateStyleSQL)
        try store.load(tenant: tenant, claims: ids.sorted(), into: &fold, in: session)
        for event in parsed { try ClaimsProjection.apply(event, to: &fold) }
        try store.write(fold, in: session)
    }
}
