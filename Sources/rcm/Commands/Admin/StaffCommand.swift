import Application
import ArgumentParser
import Foundation

/// `rcm staff add|assign|list`.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "People's database logins and their practice assignments (owner login).",
        subcommands: [Add.self, Assign.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a person's own database login in a group: staff, auditor or analyst.",
            discussion: """
                The password is read from the environment variable named by --password-env (default \
                RCM_NEW_PASSWORD), never from an argument. Without it the login can only connect where the \
                server trusts the socket or a certificate.

                Example:
                  RCM_NEW_PASSWORD=… rcm staff add jdoe --group staff
                """)
        @Argument(help: "The login: lower-case letters, digits, underscores.") var login: String
        @Option(help: "staff, auditor or analyst.") var group: String = "staff"
        @Option(help: "The environment variable holding the password.") var passwordEnv: String = "RCM_NEW_PASSWORD"

        func validate() throws {
            guard ["staff", "auditor", "analyst"].contains(group) else { throw ValidationError("--group is staff, auditor or analyst") }
        }

        func run() async throws {
            try await reportingFailures {
                let password = ProcessInfo.processInfo.environment[passwordEnv]
                let login = login, group = group
                let created = try await Workspace.administration { session, actor, today in
                    try CompanyService().addStaff(login: login, group: group, password: password, actor: actor, today: today, in: session)
                }
                print(created ? "created login \(login) in rcm_\(group)" : "login \(login) exists; it is in rcm_\(group)")
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Assign a login to a practice: row-level security then lets it see and work that practice.",
            discussion: "Example:\n  rcm staff assign jdoe --tenant acme-counseling")
        @Argument var login: String
        @Option(help: "The practice's slug or id.") var tenant: String

        func run() async throws {
            try await reportingFailures {
                let login = login, name = tenant
                try await Workspace.inTenant(name) { session, context in
                    try CompanyService().assign(login: login, to: context.tenant, actor: context.actor, today: context.today, in: session)
                }
                print("assigned \(login) to \(name)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List logins, groups and assignments.", discussion: "Example:\n  rcm staff list")
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                let state = try await Workspace.administration { session, _, _ in try CompanyService().state(in: session) }
                let slugs = state.practices.mapValues(\.slug)
                let rows = state.staff.keys.sorted().map { login in
                    [login, state.staff[login] ?? "", (state.assignments[login] ?? []).compactMap { slugs[$0] }.sorted().joined(separator: " ")]
                }
                print(TableOutput(headers: ["login", "group", "practices"], rows: rows).render(format))
            }
        }
    }
}
