import Foundation

/// Paths in this checkout, for tests.
public enum Repository {
    /// The checkout's root (where `Package.swift` is), found from this file's path.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The built `rcm` binary: `RCM_BINARY`, else `.build/debug/rcm`.
    public static var rcmBinary: URL {
        if let path = ProcessInfo.processInfo.environment["RCM_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return root.appendingPathComponent(".build/debug/rcm")
    }
}
