import Billing
import Foundation

/// A table on a patient document.
public struct DocumentTable: Sendable, Equatable {
    /// Its heading.
    public var title: String
    /// Column headings.
    public var headers: [String]
    /// Indexes of columns holding amounts (right-aligned).
    public var amountColumns: Set<Int>
    /// Rows of cells.
    public var rows: [[String]]

    /// A table.
    public init(title: String, headers: [String], amountColumns: Set<Int> = [], rows: [[String]]) {
        self.title = title
        self.headers = headers
        self.amountColumns = amountColumns
        self.rows = rows
    }
}

/// One printable page: a statement, a Good Faith Estimate or a superbill, before it is rendered as HTML
/// or plain text. Every text in it may come from the PHI store or a clerk, so renderers escape all of it.
public struct DocumentPage: Sendable, Equatable {
    /// `Statement`, `Good Faith Estimate`, `Superbill`.
    public var kind: String
    /// The document id recorded on the patient account.
    public var documentID: DocumentID
    /// The patient.
    public var patientKey: PatientKey
    /// Date issued.
    public var issued: LocalDate
    /// Who issues it: practice name and address lines, identifiers.
    public var from: [String]
    /// Who receives it: patient name and address lines.
    public var to: [String]
    /// Labelled facts (statement date, due date, NPI, date of birth, …).
    public var facts: [(label: String, value: String)]
    /// Tables of services and payments.
    public var tables: [DocumentTable]
    /// Totals under the tables.
    public var totals: [(label: String, value: String)]
    /// The one amount the reader must see (amount due, estimated total, amount paid).
    public var highlight: (label: String, value: String)?
    /// Notices and fine print.
    public var notes: [String]

    /// The key amount, for callers and tests.
    public var amount: Money

    public static func == (a: DocumentPage, b: DocumentPage) -> Bool {
        a.kind == b.kind && a.documentID == b.documentID && a.patientKey == b.patientKey && a.issued == b.issued && a.from == b.from
            && a.to == b.to && a.facts.map(\.label) == b.facts.map(\.label) && a.facts.map(\.value) == b.facts.map(\.value)
            && a.tables == b.tables && a.totals.map(\.value) == b.totals.map(\.value) && a.amount == b.amount && a.notes == b.notes
    }
}

/// Renders document pages as one printable HTML file (print CSS, `@page`, one page per document, a page
/// break between documents) or as plain text (a form feed between documents). Every value is escaped.
public enum DocumentRenderer {
    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
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

    static let style = """
        @page { size: letter; margin: 0.6in 0.6in 0.7in 0.6in; }
        * { box-sizing: border-box; }
        body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
        section.document { page-break-after: always; break-after: page; page-break-inside: avoid; }
        section.document:last-of-type { page-break-after: auto; break-after: auto; }
        header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #111; padding-bottom: 6pt; }
        h1 { font-size: 16pt; margin: 0 0 4pt 0; }
        h2 { font-size: 11pt; margin: 12pt 0 4pt 0; }
        .from, .to { line-height: 1.35; }
        .parties { display: flex; justify-content: space-between; margin-top: 10pt; }
        .facts { border-collapse: collapse; }
        .facts th { text-align: left; padding: 1pt 8pt 1pt 0; font-weight: normal; color: #444; }
        table.lines { width: 100%; border-collapse: collapse; }
        table.lines th { text-align: left; border-bottom: 1px solid #111; padding: 2pt 4pt; font-size: 9pt; }
        table.lines td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; vertical-align: top; }
        .amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.totals { margin-left: auto; margin-top: 8pt; border-collapse: collapse; }
        table.totals th { text-align: right; font-weight: normal; padding: 1pt 8pt; }
        .highlight { margin-top: 10pt; border: 2px solid #111; padding: 6pt 10pt; font-size: 13pt; font-weight: bold; display: flex; justify-content: space-between; }
        .notes { margin-top: 12pt; font-size: 8.5pt; color: #333; }
        .notes p { margin: 3pt 0; }
        .id { font-size: 8pt; color: #555; }
        @media screen {
          body { background: #eee; }
          section.document { background: #fff; width: 8.5in; min-height: 11in; margin: 0.3in auto; padding: 0.6in; box-shadow: 0 0 4px #888; }
        }
        """

    /// One HTML file holding every page.
    public static func html(_ pages: [DocumentPage], title: String) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>

            """
        for page in pages { out += section(page) }
        out += "</body>\n</html>\n"
        return out
    }

    static func section(_ page: DocumentPage) -> String {
        var out = "<section class=\"document\" data-document=\"\(escape(page.documentID.rawValue))\">\n<header>\n<div class=\"from\">"
        out += page.from.enumerated().map { $0.offset == 0 ? "<strong>\(escape($0.element))</strong>" : escape($0.element) }.joined(separator: "<br>")
        out += "</div>\n<div><h1>\(escape(page.kind))</h1><div class=\"id\">\(escape(page.documentID.rawValue))</div></div>\n</header>\n"
        out += "<div class=\"parties\">\n<div class=\"to\">"
        out += page.to.enumerated().map { $0.offset == 0 ? "<strong>\(escape($0.element))</strong>" : escape($0.element) }.joined(separator: "<br>")
        out += "</div>\n<table class=\"facts\">"
        for fact in page.facts { out += "<tr><th>\(escape(fact.label))</th><td>\(escape(fact.value))</td></tr>" }
        out += "</table>\n</div>\n"
        if let highlight = page.highlight {
            out += "<div class=\"highlight\"><span>\(escape(highlight.label))</span><span class=\"amount\">\(escape(highlight.value))</span></div>\n"
        }
        for table in page.tables {
            out += "<h2>\(escape(table.title))</h2>\n<table class=\"lines\">\n<tr>"
            for (index, header) in table.headers.enumerated() {
                out += table.amountColumns.contains(index) ? "<th class=\"amount\">\(escape(header))</th>" : "<th>\(escape(header))</th>"
            }
            out += "</tr>\n"
            if table.rows.isEmpty { out += "<tr><td colspan=\"\(table.headers.count)\">None.</td></tr>\n" }
            for row in table.rows {
                out += "<tr>"
                for (index, cell) in row.enumerated() {
                    out += table.amountColumns.contains(index) ? "<td class=\"amount\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
                }
                out += "</tr>\n"
            }
            out += "</table>\n"
        }
        if !page.totals.isEmpty {
            out += "<table class=\"totals\">"
            for total in page.totals { out += "<tr><th>\(escape(total.label))</th><td class=\"amount\">\(escape(total.value))</td></tr>" }
            out += "</table>\n"
        }
        if !page.notes.isEmpty {
            out += "<div class=\"notes\">" + page.notes.map { "<p>\(escape($0))</p>" }.joined() + "</div>\n"
        }
        out += "</section>\n"
        return out
    }

    /// Plain text, 78 columns, a form feed between documents.
    public static func text(_ pages: [DocumentPage]) -> String {
        pages.map(text).joined(separator: "\u{0C}\n")
    }

    static func text(_ page: DocumentPage) -> String {
        var lines: [String] = []
        let rule = String(repeating: "=", count: 78)
        lines.append(rule)
        lines.append("\(page.kind.uppercased())  \(page.documentID.rawValue)")
        lines.append(rule)
        lines += page.from
        lines.append("")
        lines.append("To:")
        lines += page.to.map { "  " + $0 }
        lines.append("")
        let width = page.facts.map(\.label.count).max() ?? 0
        for fact in page.facts { lines.append(fact.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + fact.value) }
        if let highlight = page.highlight {
            lines.append("")
            lines.append("*** \(highlight.label): \(highlight.value) ***")
        }
        for table in page.tables {
            lines.append("")
            lines.append(table.title)
            lines.append(String(repeating: "-", count: table.title.count))
            let widths = table.headers.indices.map { index in ([table.headers[index]] + table.rows.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0 }
            func format(_ cells: [String]) -> String {
                cells.enumerated().map { index, cell in
                    let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                    return table.amountColumns.contains(index) ? pad + cell : cell + pad
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            lines.append(format(table.headers))
            if table.rows.isEmpty { lines.append("None.") }
            for row in table.rows { lines.append(format(row)) }
        }
        if !page.totals.isEmpty {
            lines.append("")
            let labelWidth = page.totals.map(\.label.count).max() ?? 0
            let valueWidth = page.totals.map(\.value.count).max() ?? 0
            for total in page.totals {
                let label = String(repeating: " ", count: max(0, labelWidth - total.label.count)) + total.label
                let value = String(repeating: " ", count: max(0, valueWidth - total.value.count)) + total.value
                lines.append(String(repeating: " ", count: max(0, 78 - labelWidth - valueWidth - 2)) + label + "  " + value)
            }
        }
        if !page.notes.isEmpty {
            lines.append("")
            lines += page.notes
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
