import ArgumentParser

/// `--tenant`: the practice a command works on, by slug or id.
struct TenantOption: ParsableArguments {
    @Option(help: "The practice's slug or id.") var tenant: String
}

/// `--tenant` where it may be left out: every practice this login may see.
struct OptionalTenantOption: ParsableArguments {
    @Option(help: "A practice's slug or id (default: every one this login may see).") var tenant: String?
}

/// `--format` for commands that print a table.
struct FormatOption: ParsableArguments {
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
}

/// `--format` for commands that print text or JSON only (no CSV).
struct TableOrJSONOption: ParsableArguments {
    @Option(help: "table (text) or json.") var format: TableOrJSON = .table
}
