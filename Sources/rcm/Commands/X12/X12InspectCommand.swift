import Application
import ArgumentParser
import Foundation
import X12

extension X12Command {
    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print what an X12 file holds: envelopes, transactions, 835 payments with their balance checks, acknowledgments.",
            discussion: """
                Exit 0 for any well-formed file, balanced or not; exit 1 with the precise error (file, segment \
                number and id, element) for a malformed one. Names and member ids are never printed.

                Examples:
                  rcm x12 inspect remit.835
                  rcm x12 inspect remit.835 --format json
                """)
        @Argument(help: "The X12 file.") var file: String
        @OptionGroup var output: TableOrJSONOption

        func run() async throws {
            try await reportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else { throw CommandError("cannot read \(file)") }
                let name = URL(fileURLWithPath: file).lastPathComponent
                let summary: X12Summary
                do {
                    summary = try X12Summary(bytes: [UInt8](data), fileName: name)
                } catch let error as X12Error {
                    throw CommandError(error.description)
                }
                print(output.format == .json ? String(decoding: try summary.json(), as: UTF8.self) : summary.text)
            }
        }
    }
}
