import ArgumentParser
import Foundation
import Postgres

/// Runs a command body and turns failures into the documented exit codes, with a message on stderr
/// that names what went wrong and where (and never a bound value).
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as PostgresError {
        printError(error.description)
        throw ExitCode(error.kind == .connection ? 69 : 1)
    } catch let error as ValidationError {
        throw error
    } catch let error as CommandError {
        printError(error.description)
        throw ExitCode(1)
    } catch {
        printError(String(describing: error))
        throw ExitCode(1)
    }
}

/// Writes one line to standard error, prefixed with `rcm: `.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("rcm: \(message)\n".utf8))
}
