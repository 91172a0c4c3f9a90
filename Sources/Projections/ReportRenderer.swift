import Foundation

/// Renders a report as an aligned table (money as `$1,234.56`), CSV or JSON (money as decimal text).
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// RFC 4180 CSV with a header row.
    case csv
    /// A JSON object with the rows (and the total) as objects.
    case json

    /// The rendered text, ending with a newline.
    public func render(_ report: Report) -> String {
        switch self {
        case .table: Self.table(report)
        case .csv: Self.csv(report)
        case .json: Self.json(report)
        }
    }

    /// `$1,234.56`, `-$12.00`.
    public static func dollars(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let whole = String(magnitude / 100)
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let fraction = magnitude % 100
        return (cents < 0 ? "-$" : "$") + grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `1234.56`, `-12.00`.
    public static func decimal(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    private static func text(_ value: Report.Value, forPeople: Bool) -> String {
        switch value {
        case .text(let text): text
        case .money(let cents): forPeople ? dollars(cents) : decimal(cents)
        case .count(let count): String(count)
        case .decimal(let text): text
        case .null: ""
        }
    }

    private static func table(_ report: Report) -> String {
        let body = report.rows.map { $0.map { text($0, forPeople: true) } }
        let total = report.total.map { $0.map { text($0, forPeople: true) } }
        var widths = report.columns.map(\.name.count)
        for row in body + (total.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return report.columns[index].kind == .text ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var lines = [line(report.columns.map(\.name)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += body.map(line)
        if let total {
            lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            lines.append(line(total))
        }
        if body.isEmpty { lines.append("(no rows)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func csv(_ report: Report) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var lines = [report.columns.map { field($0.name) }.joined(separator: ",")]
        for row in report.rows + (report.total.map { [$0] } ?? []) {
            lines.append(row.map { field(text($0, forPeople: false)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func json(_ report: Report) -> String {
        func object(_ row: [Report.Value]) -> String {
            "{" + zip(report.columns, row).map { column, value in
                let rendered: String
                switch value {
                case .text(let text): rendered = quote(text)
                case .money(let cents): rendered = quote(decimal(cents))
                case .count(let count): rendered = String(count)
                case .decimal(let text): rendered = text
                case .null: rendered = "null"
                }
                return quote(column.name) + ":" + rendered
            }.joined(separator: ",") + "}"
        }
        var text = "{\"report\":\(quote(report.name)),\"rows\":["
        text += report.rows.map(object).joined(separator: ",\n")
        text += "]"
        if let total = report.total { text += ",\"total\":" + object(total) }
        return text + "}\n"
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
