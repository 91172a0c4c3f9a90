import Foundation

/// A CBOR data item (RFC 8949), as far as WebAuthn needs: unsigned and negative integers, byte and text
/// strings, arrays, maps, simple values. Decoding refuses indefinite lengths, tags, floats, and anything
/// left over or cut short: an attestation object and a COSE key are small, definite-length items.
public indirect enum CBORValue: Sendable, Hashable {
    case unsigned(UInt64)
    case negative(UInt64)  // the value is -1 - n
    case bytes([UInt8])
    case text(String)
    case array([CBORValue])
    case map([CBORValue: CBORValue])
    case simple(UInt8)  // 20 false, 21 true, 22 null, 23 undefined

    /// The one item of `bytes`; refuses trailing bytes.
    public static func decode(_ bytes: [UInt8]) throws(WebAuthnError) -> CBORValue {
        var reader = Reader(bytes: bytes)
        let value = try reader.item(depth: 0)
        guard reader.offset == bytes.count else { throw WebAuthnError.malformed("CBOR with \(bytes.count - reader.offset) bytes after its item") }
        return value
    }

    /// The first item of `bytes` and how many bytes it took (a COSE key inside authenticator data is followed by
    /// extensions).
    public static func decodePrefix(_ bytes: [UInt8]) throws(WebAuthnError) -> (CBORValue, Int) {
        var reader = Reader(bytes: bytes)
        let value = try reader.item(depth: 0)
        return (value, reader.offset)
    }

    /// An integer's value, when it is one that fits.
    public var integer: Int64? {
        switch self {
        case .unsigned(let n): n <= UInt64(Int64.max) ? Int64(n) : nil
        case .negative(let n): n < UInt64(Int64.max) ? -1 - Int64(n) : nil
        default: nil
        }
    }

    /// The value at integer key `key` of a map.
    public subscript(key: Int64) -> CBORValue? {
        guard case .map(let entries) = self else { return nil }
        return entries[key >= 0 ? .unsigned(UInt64(key)) : .negative(UInt64(-1 - key))]
    }

    /// The value at text key `key` of a map.
    public subscript(key: String) -> CBORValue? {
        guard case .map(let entries) = self else { return nil }
        return entries[.text(key)]
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws(WebAuthnError) -> UInt8 {
            guard offset < bytes.count else { throw WebAuthnError.malformed("CBOR cut short") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func take(_ count: UInt64) throws(WebAuthnError) -> [UInt8] {
            guard count <= UInt64(bytes.count - offset) else { throw WebAuthnError.malformed("CBOR cut short") }
            defer { offset += Int(count) }
            return Array(bytes[offset..<offset + Int(count)])
        }

        mutating func argument(_ info: UInt8) throws(WebAuthnError) -> UInt64 {
            switch info {
            case 0..<24: return UInt64(info)
            case 24...27:
                var value: UInt64 = 0
                for byte in try take(1 << UInt64(info - 24)) { value = value << 8 | UInt64(byte) }
                return value
            default: throw WebAuthnError.malformed("CBOR with an indefinite or reserved length")
            }
        }

        mutating func item(depth: Int) throws(WebAuthnError) -> CBORValue {
            guard depth < 16 else { throw WebAuthnError.malformed("CBOR nested too deeply") }
            let initial = try byte()
            let major = initial >> 5
            let info = initial & 0x1f
            if major == 7 {
                guard info < 24 else { throw WebAuthnError.malformed("CBOR floats are not expected here") }
                return .simple(info)
            }
            let argument = try argument(info)
            switch major {
            case 0: return .unsigned(argument)
            case 1: return .negative(argument)
            case 2: return .bytes(try take(argument))
            case 3:
                guard let text = String(bytes: try take(argument), encoding: .utf8) else { throw WebAuthnError.malformed("CBOR text that is not UTF-8") }
                return .text(text)
            case 4:
                guard argument <= UInt64(bytes.count - offset) else { throw WebAuthnError.malformed("CBOR cut short") }
                var items: [CBORValue] = []
                for _ in 0..<argument { items.append(try item(depth: depth + 1)) }
                return .array(items)
            case 5:
                guard argument <= UInt64(bytes.count - offset) else { throw WebAuthnError.malformed("CBOR cut short") }
                var entries: [CBORValue: CBORValue] = [:]
                for _ in 0..<argument {
                    let key = try item(depth: depth + 1)
                    guard entries[key] == nil else { throw WebAuthnError.malformed("CBOR map with a repeated key") }
                    entries[key] = try item(depth: depth + 1)
                }
                return .map(entries)
            default: throw WebAuthnError.malformed("CBOR tags are not expected here")
            }
        }
    }
}
