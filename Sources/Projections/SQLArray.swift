import Postgres

/// A PostgreSQL array literal bound as one parameter (`$n::text[]`), every element quoted and escaped,
/// so that many rows travel in one statement (`INSERT … SELECT FROM unnest(…)`). Built as bytes: it is on
/// the rebuild's hot path.
enum SQLArray {
    static func literal(_ elements: [String?]) -> SQLParameter {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(elements.count * 12 + 2)
        bytes.append(UInt8(ascii: "{"))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let element else {
                bytes.append(contentsOf: [0x4E, 0x55, 0x4C, 0x4C])  // NULL
                continue
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in element.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return SQLParameter(text: String(decoding: bytes, as: UTF8.self))
    }
}
