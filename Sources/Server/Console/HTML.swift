import Foundation

/// Text made safe for HTML, and the console's formats: money with cents, dates in a practice's time zone.
enum HTML {
    /// `text` with `& < > " '` escaped, for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Cents as `$1,234.56` (`-$12.00` when negative).
    static func money(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let fraction = magnitude % 100
        return "\(sign)$\(whole)\(grouped).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A moment as `2026-11-30 14:05 CST` in a practice's time zone.
    static func moment(_ date: Date, timeZone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
        return formatter.string(from: date)
    }

    /// An ISO 8601 time (with or without fractions) in a practice's time zone; the text itself when unreadable.
    static func moment(iso text: String, timeZone: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return moment(date, timeZone: timeZone) }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return moment(date, timeZone: timeZone) }
        return text
    }

    /// A table: a caption, headers (a header whose name starts with `#` is numeric: right-aligned), and rows of
    /// already escaped cells.
    static func table(caption: String, headers: [String], rows: [[String]], id: String? = nil) -> String {
        var html = "<div class=\"scroll\"><table\(id.map { " id=\"\(escape($0))\"" } ?? "")><caption>\(escape(caption))</caption><thead><tr>"
        let numeric = headers.map { $0.hasPrefix("#") }
        for header in headers { html += "<th scope=\"col\"\(header.hasPrefix("#") ? " class=\"num\"" : "")>\(escape(header.hasPrefix("#") ? String(header.dropFirst()) : header))</th>" }
        html += "</tr></thead><tbody>"
        if rows.isEmpty { html += "<tr><td colspan=\"\(headers.count)\">Nothing here.</td></tr>" }
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() { html += (index < numeric.count && numeric[index]) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>" }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// A link.
    static func link(_ href: String, _ text: String) -> String { "<a href=\"\(escape(href))\">\(escape(text))</a>" }
}
