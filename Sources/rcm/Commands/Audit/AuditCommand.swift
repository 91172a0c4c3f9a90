import Application
import ArgumentParser
import Foundation

/// `rcm audit …`: the auditor's commands.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the hash chain, seal a tenant's log, replay a claim's history.",
        subcommands: [Verify.self, SealCommand.self, AuditAccessCommand.self, AuditAccessChangesCommand.self, AuditClaimCommand.self]
    )
}
