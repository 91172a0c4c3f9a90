import Foundation

/// The people a raw X12 file names, as the values a redaction would match: the last name (NM103) and the
/// id (NM109) of every `NM1` for a person who may be a patient or a subscriber (entities IL, QC, 74), in
/// their X12 form (upper case, X12 characters, trimmed).
///
/// A sealed file cannot be searched by its bytes; the PHI store keeps a keyed hash of each of these values
/// beside the file, so that `patient forget` finds the files that mention a patient without opening the others
/// (docs/decisions/0009-sealing-phi.md).
public enum X12Mentions {
    /// The values the file's person `NM1` segments carry; empty for a file without a readable ISA header.
    public static func of(_ bytes: [UInt8]) -> Set<String> {
        guard let separators = X12Redactor.separators(bytes) else { return [] }
        var found: Set<String> = []
        for segment in bytes.split(separator: separators.segment) {
            let trimmed = segment.drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }
            guard trimmed.starts(with: Array("NM1".utf8)) else { continue }
            let elements = trimmed.split(separator: separators.element, omittingEmptySubsequences: false)
            guard elements.count > 3, X12Redactor.personEntities.contains(String(decoding: elements[1], as: UTF8.self)) else { continue }
            for index in [3, 9] where index < elements.count {
                let value = normalized(String(decoding: elements[index], as: UTF8.self))
                if !value.isEmpty { found.insert(value) }
            }
        }
        return found
    }

    /// A name or id in the form `of` returns it (what a patient's identity is compared in).
    public static func normalized(_ value: String) -> String { X12Redactor.normalized(value) }
}
