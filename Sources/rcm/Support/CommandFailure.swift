import Application
import ArgumentParser
import Foundation

/// Runs a command's body and turns what it throws into the exit codes of `rcm --help`: 1 rejected input,
/// 69 the database unavailable; usage errors and exit codes pass through.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as ValidationError {
        throw error
    } catch {
        let failure = Failure(error)
        printError(failure.description)
        throw ExitCode(failure.kind == .unavailable ? 69 : 1)
    }
}

/// Prints `rcm: message` on standard error, with any value typed on the command line replaced by its
/// argument's name (`CommandLineInputs`).
func printError(_ message: String) {
    FileHandle.standardError.write(Data("rcm: \(CommandLineInputs.redaction.apply(message))\n".utf8))
}
