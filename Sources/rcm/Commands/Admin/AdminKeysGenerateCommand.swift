import Application
import ArgumentParser

extension AdminCommand {
    /// `rcm admin keys generate`: prints a new key-encryption key as a key file's line.
    struct KeysGenerate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Print a new random key-encryption key as a key-file line (`rcm-kek-v1 <base64>`) and its id on standard error.",
            discussion: """
                Keep the file readable by the product's account only, and a copy where backups of the database are not:
                without it the sealed PHI cannot be read.

                Example:
                  (umask 077; rcm admin keys generate > /etc/rcm/kek)
                """
        )

        func run() async throws {
            let key = KeyEncryptionKey.random()
            print(key.fileLine)
            printError("key id \(key.id)")
        }
    }
}
