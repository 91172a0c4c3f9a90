import ArgumentParser
import Foundation

/// `--allow-duplicate` with `--reason`: registering a second record of a patient the practice already has,
/// on purpose. Without a reason the flag is a usage error.
struct DuplicateOptions: ParsableArguments {
    @Flag(help: "Register it although the practice has this patient already (needs --reason).") var allowDuplicate = false
    @Option(help: "Why a second record is right (recorded with the events); with --allow-duplicate.") var reason: String?

    /// The reason when a duplicate is allowed, else nil.
    var duplicateReason: String? { allowDuplicate ? reason : nil }

    func validate() throws {
        if allowDuplicate && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--allow-duplicate needs --reason: why a second record of this patient is right")
        }
    }
}
