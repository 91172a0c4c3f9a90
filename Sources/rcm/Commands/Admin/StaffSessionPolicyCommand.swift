import Application
import ArgumentParser
import Foundation

extension StaffCommand {
    /// `rcm staff session-policy`: how long a signed-in session may sit unused.
    struct SessionIdlePolicy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "session-policy",
            abstract: "Show or set how long a signed-in session may sit unused before the server refuses it (owner login; recorded as identity.session_policy_set).",
            discussion: """
                The default is 30 minutes. It applies to console cookies and bearer tokens alike, to new sessions and at
                once to the open ones; a request on a session idle longer gets 401 (the console sends the person to sign
                in again), and every request restarts the idle clock. --idle-seconds sets it to the second (1 to 86,400),
                for a short idle period on a test system.
                Examples:
                  rcm staff session-policy
                  rcm staff session-policy --idle-minutes 15
                """)
        @Option(help: "Idle minutes, 1 to 1,440.") var idleMinutes: Int?
        @Option(help: "Idle seconds, 1 to 86,400 (instead of --idle-minutes).") var idleSeconds: Int?

        func validate() throws {
            if idleMinutes != nil && idleSeconds != nil { throw ValidationError("give --idle-minutes or --idle-seconds, not both") }
            if let idleMinutes, !(1...1440).contains(idleMinutes) { throw ValidationError("--idle-minutes is 1 to 1440") }
            if let idleSeconds, !RevenueCycle.idleTimeoutRange.contains(idleSeconds) { throw ValidationError("--idle-seconds is 1 to 86400") }
        }

        func run() async throws {
            try await reportingFailures {
                let core = try await Core.connect()
                if let seconds = idleSeconds ?? idleMinutes.map({ $0 * 60 }) {
                    let open = try await core.setSessionIdleTimeout(seconds: seconds)
                    print("\(open) open session(s) now end after this idle period too")
                }
                let seconds = try await core.sessionIdleTimeout()
                print("sessions end after \(seconds % 60 == 0 ? "\(seconds / 60) minute(s)" : "\(seconds) second(s)") idle")
            }
        }
    }
}
