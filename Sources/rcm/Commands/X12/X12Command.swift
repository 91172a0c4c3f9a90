import Application
import ArgumentParser
import Foundation
import X12

/// `rcm x12 inspect`.
struct X12Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "x12", abstract: "Read X12 5010 files without posting anything.", subcommands: [Inspect.self])
}
