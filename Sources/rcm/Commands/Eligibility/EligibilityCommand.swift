import ArgumentParser

/// `rcm eligibility`: 270s out, 271s in, carve-out routing.
struct EligibilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligibility", abstract: "Eligibility and benefits (270/271, 005010X279A1) and behavioral-health carve-outs.",
        subcommands: [Check.self, Batch.self, Import.self, Route.self, Policy.self])
}
