import Foundation
import Testing
import TestSupport

/// Through the binary: every argument of every command, as `rcm --experimental-dump-help` lists them, given a
/// planted identifier; whatever fails says which argument and why, never the value.
@Suite("No PHI in errors, for any argument of any command")
struct ErrorPHITests {
    /// A command and what it takes, from the binary's own help.
    struct Command {
        var path: [String]
        var arguments: [Argument]
    }

    /// One argument that takes a value.
    struct Argument {
        /// `--name`, or nil for a positional.
        var option: String?
        var valueName: String
        var required: Bool
    }

    /// Planted identifiers: a name, a member id, a date of birth, free text.
    static let planted = ["Ulric Sandboxer", "UXS99887766", "1961-02-29", "Told me her prognosis Quillonby"]

    /// Commands left out: `demo seed` writes a whole company, `projections run` follows the log until stopped.
    static let skipped: Set<String> = ["demo seed", "projections run"]

    /// Leaf commands and their value-taking arguments, from `rcm --experimental-dump-help`.
    static func commands() throws -> [Command] {
        let output = try Shell.run([Repository.rcmBinary.path, "--experimental-dump-help"])
        let root = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as! [String: Any]
        var found: [Command] = []
        func walk(_ node: [String: Any], _ path: [String]) {
            let subcommands = node["subcommands"] as? [[String: Any]] ?? []
            if subcommands.isEmpty {
                let arguments = (node["arguments"] as? [[String: Any]] ?? []).compactMap { argument -> Argument? in
                    let kind = argument["kind"] as? String
                    let name = (argument["preferredName"] as? [String: Any])?["name"] as? String
                    let valueName = argument["valueName"] as? String ?? name ?? "value"
                    guard kind != "flag", !["help", "version", "experimental-dump-help"].contains(name ?? "") else { return nil }
                    return Argument(
                        option: kind == "positional" ? nil : "--" + (name ?? valueName), valueName: valueName,
                        required: !(argument["isOptional"] as? Bool ?? true))
                }
                found.append(Command(path: path, arguments: arguments))
            }
            for sub in subcommands { walk(sub, path + [sub["commandName"] as? String ?? ""]) }
        }
        walk(root["command"] as! [String: Any], [])
        return found.filter { !skipped.contains($0.path.joined(separator: " ")) }
    }

    /// Valid values of the seeded practice for arguments other than the one under test, so that the planted
    /// value is the one a command has to refuse.
    static func validValues(patient: String) -> [String: String] {
        [
            "--tenant": "acme", "--patient": patient, "--payer": "aetna", "--provider": "dr-lee", "--providers": "dr-lee",
            "--date": CLI.daysAgo(3), "--dob": "1980-01-01", "--from": "2026-01-01", "--through": "2026-12-31", "--amount": "10.00",
            "--reason": "checking", "--minutes": "45", "--dx": "F41.1", "--service": "90834=120.00", "--first": "Ann", "--last": "Example",
        ]
    }

    @Test("a planted name, member id, date of birth or free text in any argument of any command is never echoed by an error")
    func noValueEchoed() async throws {
        let cli = try await CLI.make("err_phi")
        let patient = try cli.seedPractice()
        let valid = Self.validValues(patient: patient)
        let commands = try Self.commands()
        #expect(commands.count > 50, "the binary lists its commands")
        // Commands that write files (--out, a positional path) write them here, not in the checkout.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("err-phi-\(cli.database.name)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var failures = 0, runs = 0
        var echoes: [String] = []
        for command in commands {
            for (index, argument) in command.arguments.enumerated() {
                let value = Self.planted[(runs + index) % Self.planted.count]
                var line = command.path
                for (otherIndex, other) in command.arguments.enumerated() where other.required && otherIndex != index {
                    if let option = other.option { line += [option, valid[option] ?? Self.planted[0]] } else { line.append(Self.planted[1]) }
                }
                if let option = argument.option { line += [option, value] } else { line.append(value) }
                runs += 1
                let output = try Shell.run(
                    ["/usr/bin/timeout", "30", Repository.rcmBinary.path] + line, environment: ["RCM_DATABASE_URL": cli.database.settings.conninfo], currentDirectory: scratch, check: false)
                guard output.status != 0 else { continue }
                failures += 1
                let text = (output.standardOutput + output.standardError).lowercased()
                let words = value.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 4 } + [value]
                for word in words where text.contains(word.lowercased()) {
                    echoes.append("rcm \(line.joined(separator: " ")): \(word) in \(output.standardError.prefix(200))")
                }
            }
        }
        #expect(runs > 200 && failures > 100, "the planted values reached the error paths (\(failures) of \(runs) runs failed)")
        #expect(echoes.isEmpty, "\(echoes.count) echoes:\n\(echoes.prefix(40).joined(separator: "\n"))")
        await cli.database.drop()
    }
}
