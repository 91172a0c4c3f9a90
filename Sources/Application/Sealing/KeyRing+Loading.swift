import Foundation

extension KeyRing {
    /// The name of the checkout-local key file `Scripts/db start` writes (git-ignored).
    public static let localFileName = ".rcm-kek"

    /// Reads a key file's text: one `rcm-kek-v1 <base64 of 32 bytes>` line per key, the current key first;
    /// blank lines and `#` comments are skipped.
    public static func parse(_ text: String, source: String) throws -> KeyRing {
        var keys: [KeyEncryptionKey] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0] == lineTag, let bytes = Data(base64Encoded: String(parts[1])) else {
                throw SealingError("\(source), line \(number + 1), is not `\(lineTag) <base64 of 32 bytes>`: the key file is damaged or not a key file")
            }
            do {
                keys.append(try KeyEncryptionKey(bytes: [UInt8](bytes)))
            } catch let error as SealingError {
                throw SealingError("\(source), line \(number + 1): \(error.description)")
            }
        }
        return try KeyRing(keys: keys, source: source)
    }

    /// The operator's keys: `RCM_KEK` (base64 keys separated by commas, the current one first), else the
    /// file `RCM_KEK_FILE` names, else this checkout's `.rcm-kek`; nil when none is configured. A key that is
    /// configured but missing, truncated or malformed throws: the product does not start without it.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment, directory: String = FileManager.default.currentDirectoryPath
    ) throws -> KeyRing? {
        if let inline = environment["RCM_KEK"], !inline.isEmpty {
            let lines = inline.split(separator: ",").map { "\(lineTag) \($0.trimmingCharacters(in: .whitespaces))" }
            return try parse(lines.joined(separator: "\n"), source: "RCM_KEK")
        }
        if let path = environment["RCM_KEK_FILE"], !path.isEmpty {
            return try read(path, named: "the key file \(path) (RCM_KEK_FILE)")
        }
        guard let local = localFile(from: directory) else { return nil }
        return try read(local, named: "the key file \(local)")
    }

    /// Reads a key file.
    static func read(_ path: String, named name: String) throws -> KeyRing {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SealingError(
                "rcm will not start: \(name) cannot be read, and PHI is sealed under the key it holds; put the file back "
                    + "(nothing is lost meanwhile) or point RCM_KEK_FILE at it")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw SealingError("\(name) is not a key file (not text)") }
        return try parse(text, source: name)
    }

    /// `.rcm-kek` in the checkout that `directory` is in (found beside `.pgdata`, like the local cluster).
    static func localFile(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory)
        for _ in 0..<12 {
            let candidate = folder.appendingPathComponent(localFileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".pgdata").path) { return nil }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// The sentence for a PHI read or write without any configured key.
    static let notConfigured =
        "no key-encryption key is configured: set RCM_KEK_FILE to the operator's key file (Scripts/db start writes .rcm-kek "
        + "for a checkout) or RCM_KEK; PHI is sealed, and rcm reads and writes it only under that key"
}
