import Foundation

extension Upcaster {
    /// An upcaster that reads a payload of `fromVersion` as `Old` and writes `rewrite(old)` as the payload of
    /// `fromVersion + 1`, with the codec's encoder. A payload that does not decode as `Old` is an
    /// `EventCodecError` that names the type and version only.
    public static func typed<Old: Decodable & Sendable, New: Encodable & Sendable>(
        _ eventType: String, from fromVersion: Int, reading old: Old.Type,
        _ rewrite: @escaping @Sendable (Old) throws -> New
    ) -> Upcaster {
        Upcaster(eventType: eventType, fromVersion: fromVersion) { data in
            let value: Old
            do {
                value = try JSONDecoder().decode(Old.self, from: data)
            } catch {
                throw EventCodecError("Payload of \(eventType) v\(fromVersion) does not decode")
            }
            return try EventCodec.makeEncoder().encode(try rewrite(value))
        }
    }
}

extension String {
    /// Nil for the empty string: version 1 payloads wrote `""` for an absent value.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension KeyedDecodingContainer {
    /// A string that version 1 payloads may have left out: `""` when absent.
    func text(_ key: Key) throws -> String { try decodeIfPresent(String.self, forKey: key) ?? "" }
}
