import Application
import ArgumentParser

extension AdminCommand {
    /// `rcm admin inventory`: every place the product stores or sends PHI, from the code's declarations and the catalog.
    struct Inventory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every place the product stores or sends PHI: database columns (declared in the code, checked against the catalog) and outputs.",
            discussion: """
                With --check, exits 1 when the database has a column that can hold PHI (text, bytes, JSON, dates) that the code does not
                declare (a migration added it), or a declared column is gone. See docs/security.md for the data-flow map.

                Example:
                  rcm admin inventory --check
                """
        )
        @Flag(help: "List every column that can hold text, bytes, JSON or dates, not only PHI.") var all = false
        @Flag(help: "Exit 1 when a column is undeclared or a declaration is stale.") var check = false

        func run() async throws {
            try await reportingFailures {
                let report = try await Core.connect().inventory()
                for line in report.lines(all: all) { print(line) }
                if check && !(report.undeclared.isEmpty && report.missing.isEmpty) {
                    let names = (report.undeclared.map(\.name) + report.missing).joined(separator: ", ")
                    throw CommandError("the inventory does not match the database: \(names); declare each column in DataInventory.tables")
                }
            }
        }
    }
}
