import Foundation

/// Rows for people (`table`: aligned columns), or for machines (`csv`, `json`).
struct TableOutput {
    let headers: [String]
    var rows: [[String]]

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            let widths = headers.indices.map { index in
                ([headers[index]] + rows.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0
            }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { index, cell in
                    let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                    return Self.isNumeric(cell) ? pad + cell : cell + pad
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            return ([line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
                .joined(separator: "\n")
        case .csv:
            return ([headers] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n")
        case .json:
            let objects = rows.map { row in Dictionary(uniqueKeysWithValues: zip(headers, row)) }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func isNumeric(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isNumber || "$,.-%".contains($0) } && text.contains(where: \.isNumber)
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
