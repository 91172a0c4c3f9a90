import ArgumentParser

extension AdminCommand {
    /// `rcm admin keys …`: the operator's key-encryption keys and the practices' data keys.
    struct Keys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Key-encryption keys: generate one, re-wrap every practice's data key under the current one.",
            subcommands: [KeysGenerate.self, KeysRotate.self]
        )
    }
}
