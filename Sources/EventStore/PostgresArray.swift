import Postgres

/// Encodes a list of values as a PostgreSQL array literal, bound as one parameter (`$n::text[]`).
/// Every element is quoted and escaped, so no element can end the literal early.
enum PostgresArray {
    static func literal(_ elements: [String?]) -> SQLParameter {
        var text = "{"
        text.reserveCapacity(elements.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        for (index, element) in elements.enumerated() {
            if index > 0 { text.append(",") }
            guard let element else {
                text.append("NULL")
                continue
            }
            text.append("\"")
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { text.append("\\") }
                text.unicodeScalars.append(character)
            }
            text.append("\"")
        }
        text.append("}")
        return SQLParameter(text: text)
    }

    static func literal(_ elements: [String]) -> SQLParameter {
        literal(elements.map { Optional($0) })
    }
}
