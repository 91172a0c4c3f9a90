import Application
import ArgumentParser

/// The values given on this command line, each under the name of the argument that took it, so that no
/// error shown names a value that could be PHI (`InputRedaction`).
enum CommandLineInputs {
    /// The redaction of this process's arguments.
    static let redaction = InputRedaction(inputs(Array(CommandLine.arguments.dropFirst())))

    /// `--name value`, `--name=value` and positional values; the leading subcommand names are not values.
    static func inputs(_ arguments: [String]) -> [InputRedaction.Input] {
        let commands = commandNames(RCM.self)
        var inputs: [InputRedaction.Input] = []
        var pendingOption: String?
        var inPath = true
        for token in arguments {
            let isOption = token.hasPrefix("-") && token.count > 1 && !(token.dropFirst().first?.isNumber ?? false)
            if isOption {
                inPath = false
                if let equals = token.firstIndex(of: "=") {
                    inputs.append(.init(name: String(token[..<equals]), value: String(token[token.index(after: equals)...])))
                    pendingOption = nil
                } else {
                    pendingOption = token
                }
            } else if let option = pendingOption {
                inputs.append(.init(name: option, value: token))
                pendingOption = nil
            } else if inPath && commands.contains(token) {
                continue
            } else {
                inPath = false
                inputs.append(.init(name: "argument", value: token))
            }
        }
        return inputs
    }

    /// Every subcommand name under `command`.
    static func commandNames(_ command: any ParsableCommand.Type) -> Set<String> {
        command.configuration.subcommands.reduce(into: Set<String>()) { names, sub in
            names.insert(sub._commandName)
            names.formUnion(commandNames(sub))
        }
    }
}
