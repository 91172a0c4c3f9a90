import Application
import ArgumentParser
import Foundation

extension TenantCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the tenants this login may see.", discussion: "Example:\n  rcm tenant list --format csv")
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let tenants = try await Core.connect().tenants()
                let table = TableOutput(
                    headers: ["slug", "kind", "time_zone", "status", "tenant_id"],
                    rows: tenants.map { [$0.slug, $0.kind.rawValue, $0.timeZone, $0.status.rawValue, $0.id.description] })
                print(table.render(output.format))
            }
        }
    }
}
