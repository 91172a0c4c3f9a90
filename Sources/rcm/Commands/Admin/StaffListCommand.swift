import Application
import ArgumentParser
import Foundation

extension StaffCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List logins, groups and assignments.", discussion: "Example:\n  rcm staff list")
        @OptionGroup var output: FormatOption

        func run() async throws {
            try await reportingFailures {
                let rows = try await Core.connect().staff().map { [$0.login, $0.group, $0.practices.joined(separator: " ")] }
                print(TableOutput(headers: ["login", "group", "practices"], rows: rows).render(output.format))
            }
        }
    }
}
