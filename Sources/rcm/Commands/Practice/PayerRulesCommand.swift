import ArgumentParser

extension PayerCommand {
    /// `rcm payer rules set|show`.
    struct Rules: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A practice's effective-dated rules with an enrolled payer.", subcommands: [Set.self, Show.self])
    }
}
