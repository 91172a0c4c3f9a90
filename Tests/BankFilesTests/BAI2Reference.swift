import Foundation
import TestSupport

/// PyPI's `bai2` parser (not ours), through `Scripts/bai2-read`: what it reads from a file, or its refusal.
/// A missing script or a failed installation throws: a comparison never skips.
enum BAI2Reference {
    /// One file as bai2 read it: the decoded JSON object of `Scripts/bai2-read`, or nil and bai2's message.
    struct Reading {
        var file: [String: Any]?
        var error: String?
    }

    static func read(text: String) throws -> Reading {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bai2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file.bai")
        try Data(text.utf8).write(to: path)
        let script = Repository.root.appendingPathComponent("Scripts/bai2-read").path
        let output = try Shell.run([script, path.path])
        let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as! [String: Any]
        return Reading(file: object["file"] as? [String: Any], error: object["error"] as? String)
    }
}
