import Application
import ArgumentParser
import Foundation

extension StaffCommand {
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign a login to a practice: row-level security then lets it see and work that practice.",
            discussion: "Example:\n  rcm staff assign jdoe --tenant acme-counseling")
        @Argument var login: String
        @OptionGroup var practice: TenantOption

        func run() async throws {
            try await reportingFailures {
                try await Core.connect().assignStaff(login: login, to: practice.tenant)
                print("assigned \(login) to \(practice.tenant)")
            }
        }
    }
}
