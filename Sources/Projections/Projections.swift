/// The projections this module maintains, by name.
public enum Projections {
    /// Every projection's name. One projection, `claims`, writes every table (`ProjectionTables.baseNames`:
    /// the claim tables, the read models' indexes and the remittance tables) under one checkpoint;
    /// `ar_balances`, `ar_aging` and `kpis_monthly` are views over them, so they can never disagree with it
    /// (decision 0301).
    public static let names = [ClaimsProjection.name]

    /// Checks a name given on the command line (nil or `all`: every projection).
    public static func resolve(_ name: String?) throws -> [String] {
        guard let name, name != "all" else { return names }
        guard names.contains(name) else { throw ProjectionError.unknownProjection(name) }
        return [name]
    }
}
