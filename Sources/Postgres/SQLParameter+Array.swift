extension SQLParameter {
    /// A PostgreSQL array literal bound as one text parameter (`$n::text[]`, `$n::uuid[]`, `$n::jsonb[]`…),
    /// so that many values travel in one statement (`= ANY($n)`, `INSERT … SELECT FROM unnest(…)`).
    ///
    /// Every element is double-quoted, with `"` and `\` escaped, so no element can end the literal or the
    /// element early and an empty string stays an empty string; `nil` is SQL NULL. Built as bytes: it is on
    /// the rebuild's and the append's hot paths.
    public static func textArray(_ elements: [String?]) -> SQLParameter {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(elements.count * 12 + 2)
        bytes.append(UInt8(ascii: "{"))
        for index in elements.indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let element = elements[index] else {
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
        return SQLParameter(textBytes: bytes)
    }

    /// A PostgreSQL array literal of non-null elements (see `textArray(_:)` for `[String?]`).
    public static func textArray(_ elements: [String]) -> SQLParameter {
        textArray(elements.map(Optional.some))
    }
}
