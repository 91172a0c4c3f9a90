import Postgres

/// A PostgreSQL array literal bound as one parameter (`$n::text[]`), every element quoted and escaped,
/// so that many rows travel in one statement (`INSERT … SELECT FROM unnest(…)`).
enum SQLArray {
    static func literal(_ elements: [String?]) -> SQLParameter {
        var text = "{"
        text.reserveCapacity(elements.count * 12 + 2)
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
}
