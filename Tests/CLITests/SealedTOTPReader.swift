import Crypto
import Foundation
import Postgres
import TestSupport

/// Opens what the product sealed, written from the format alone (decision 0009: the operator's key wraps each
/// tenant's data key with AES-256-GCM bound to `rcm data key|<tenant>`; a sealed value is a format byte 1, then
/// AES-256-GCM's nonce ‖ ciphertext ‖ tag bound to its context), so a test shows where a secret opens and where it
/// does not without the product's code.
enum SealedTOTPReader {
    /// The operator's keys as the product finds them: `RCM_KEK`, else `RCM_KEK_FILE`, else the checkout's `.rcm-kek`.
    static func keyEncryptionKeys() throws -> [SymmetricKey] {
        let environment = ProcessInfo.processInfo.environment
        let lines: [String]
        if let inline = environment["RCM_KEK"], !inline.isEmpty {
            lines = inline.split(separator: ",").map { String($0) }
        } else {
            let path = environment["RCM_KEK_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? Repository.root.appendingPathComponent(".rcm-kek").path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("rcm-kek-v1 ") }
                .map { String($0.dropFirst("rcm-kek-v1 ".count)) }
        }
        return lines.compactMap { Data(base64Encoded: $0.trimmingCharacters(in: .whitespaces)) }.map { SymmetricKey(data: $0) }
    }

    /// A tenant's data key (the company's: `slug` nil), unwrapped with the operator's keys.
    static func dataKey(_ owner: Connection, slug: String?) async throws -> (tenant: String, key: SymmetricKey)? {
        let rows = try await owner.query(
            SQL(
                "reader_data_key",
                """
                SELECT t.tenant_id::text AS tenant, k.wrapped_key FROM rcm.tenants t JOIN rcm_phi.data_keys k ON k.tenant_id = t.tenant_id
                WHERE ($1::text IS NULL AND t.kind = 'company') OR t.slug = $1
                """), [SQLParameter(text: slug)])
        guard let row = rows.first else { return nil }
        let tenant: String = try row.decode("tenant")
        let wrapped = try row.decode("wrapped_key", as: Data.self)
        for kek in try keyEncryptionKeys() {
            if let box = try? AES.GCM.SealedBox(combined: wrapped),
                let key = try? AES.GCM.open(box, using: kek, authenticating: Array("rcm data key|\(tenant)".utf8))
            {
                return (tenant, SymmetricKey(data: key))
            }
        }
        return nil
    }

    /// The clear bytes of a sealed value, or nil when it does not open under `key` for `context`.
    static func open(_ sealed: [UInt8], key: SymmetricKey, context: String) -> [UInt8]? {
        guard sealed.first == 1, let box = try? AES.GCM.SealedBox(combined: sealed.dropFirst()),
            let bytes = try? AES.GCM.open(box, using: key, authenticating: Array(context.utf8))
        else { return nil }
        return [UInt8](bytes)
    }

    /// RFC 4648 base32 (no padding) to bytes, as an authenticator app reads the secret.
    static func base32(_ text: String) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bytes: [UInt8] = []
        var buffer = 0, bits = 0
        for character in text {
            guard let value = alphabet.firstIndex(of: character) else { continue }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
