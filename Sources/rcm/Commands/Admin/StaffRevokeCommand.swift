import Application
import ArgumentParser
import Foundation

extension StaffCommand {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a person's server access: their sessions end at once (the next request is 401); recorded as identity.access_revoked.",
            discussion: """
                The server may no longer act as the person; rcm staff password enables them again. Their database
                login, if any, is the operator's to drop.
                Example:
                  rcm staff revoke jdoe
                """)
        @Argument(help: "The person's login.") var login: String

        func run() async throws {
            try await reportingFailures {
                let ended = try await Core.connect().revokeServerAccess(login: login)
                print("server access of \(login) revoked; \(ended) session(s) ended")
            }
        }
    }
}
