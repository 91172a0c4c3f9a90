import Foundation

/// Checks X12 files the product wrote with pyx12, a validator that is not ours, through `Scripts/x12-validate`.
///
/// The script is `RCM_X12_VALIDATE` when set (`Scripts/test` installs pyx12 first and sets it), else
/// `Scripts/x12-validate` of this checkout, which installs pyx12 into `.venv-x12/` on first use. A missing
/// script, a failed installation or a file with an error throws: a test that validates never skips.
public enum X12Validator {
    /// What pyx12 found, or why it could not run.
    public struct Failure: Error, CustomStringConvertible {
        /// The files checked.
        public let paths: [String]
        /// The script's exit status (1 a file has an error, 2 the validator could not run).
        public let status: Int32
        /// Every line the script printed: one per error (file, segment, element, pyx12's message).
        public let report: String
        /// Makes a failure.
        public init(paths: [String], status: Int32, report: String) {
            self.paths = paths
            self.status = status
            self.report = report
        }
        /// What happened.
        public var description: String {
            status == 1 ? "pyx12 found errors:\n\(report)" : "the X12 validator could not run (exit \(status)):\n\(report)"
        }
    }

    /// The validator script.
    public static var script: URL {
        if let path = ProcessInfo.processInfo.environment["RCM_X12_VALIDATE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return Repository.root.appendingPathComponent("Scripts/x12-validate")
    }

    /// Validates the files at `paths`; throws `Failure` unless pyx12 finds every one clean.
    public static func validate(paths: [String]) throws {
        let script = script
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw Failure(paths: paths, status: 2, report: "no validator at \(script.path) (RCM_X12_VALIDATE or Scripts/x12-validate)")
        }
        let output = try Shell.run([script.path] + paths, check: false)
        guard output.status == 0 else {
            throw Failure(paths: paths, status: output.status, report: output.standardOutput + output.standardError)
        }
    }

    /// Validates the file at `path`.
    public static func validate(path: String) throws {
        try validate(paths: [path])
    }

    /// Writes `bytes` to a temporary file named `name`, validates it and removes it.
    public static func validate(bytes: [UInt8], name: String = "claims.837") throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("x12-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        try validate(paths: [file.path])
    }

    /// Runs the validator on `paths` and returns its exit status and output without judging them (for tests
    /// of the validator itself).
    public static func run(paths: [String]) throws -> Shell.Output {
        try Shell.run([script.path] + paths, check: false)
    }
}
