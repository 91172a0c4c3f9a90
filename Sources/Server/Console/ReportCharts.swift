import Foundation
import Projections

/// Charts drawn by the server as inline SVG (no script): aging as stacked bars, KPIs as lines. Each has a
/// title and a description for screen readers, and the table beside it carries the same numbers.
enum ReportCharts {
    static let bucketNames = ["0-30", "31-60", "61-90", "91-120", "121+"]
    /// Bucket colours, dark enough for white text and ≥ 3:1 against the white page (WCAG 1.4.11).
    static let colours = ["#1d4ed8", "#0f766e", "#a16207", "#c2410c", "#b91c1c"]

    /// Aging: one bar per side (insurance, patient), stacked by bucket, widths proportional to money.
    static func agingBars(_ report: Report) -> String {
        let column = Dictionary(uniqueKeysWithValues: report.columns.enumerated().map { ($0.element.name, $0.offset) })
        var sums: [String: [Int64]] = ["insurance": Array(repeating: 0, count: 5), "patient": Array(repeating: 0, count: 5)]
        for row in report.rows {
            guard let sideAt = column["side"], case .text(let side) = row[sideAt], sums[side] != nil else { continue }
            for (index, bucket) in bucketNames.enumerated() {
                if let at = column[bucket], case .money(let cents) = row[at] { sums[side]![index] += cents }
            }
        }
        let largest = max(1, sums.values.map { $0.reduce(0, +) }.max() ?? 1)
        let widthTenths: Int64 = 6400   // 640 px, in tenths of a pixel: widths from cents by integer arithmetic
        var svg = "<svg role=\"img\" aria-labelledby=\"aging-title aging-desc\" viewBox=\"0 0 760 150\" width=\"760\" height=\"150\" class=\"chart\">"
        svg += "<title id=\"aging-title\">Open balances by age</title><desc id=\"aging-desc\">"
        svg += ["insurance", "patient"].map { side in
            "\(side): " + zip(bucketNames, sums[side]!).map { "\($0.0) days \(HTML.money($0.1))" }.joined(separator: ", ")
        }.joined(separator: "; ") + "</desc>"
        for (rowIndex, side) in ["insurance", "patient"].enumerated() {
            let y = 10 + rowIndex * 40
            svg += "<text x=\"0\" y=\"\(y + 20)\" fill=\"#1a1a1a\">\(side)</text>"
            var x: Int64 = 900
            for (index, cents) in sums[side]!.enumerated() where cents > 0 {
                let w = Self.share(cents, of: largest, scaledTo: widthTenths)
                svg += "<rect x=\"\(tenths(x))\" y=\"\(y)\" width=\"\(tenths(w))\" height=\"28\" fill=\"\(colours[index])\"><title>\(side) \(bucketNames[index]) days: \(HTML.money(cents))</title></rect>"
                x += w
            }
        }
        for (index, bucket) in bucketNames.enumerated() {
            let x = 90 + index * 120
            svg += "<rect x=\"\(x)\" y=\"100\" width=\"14\" height=\"14\" fill=\"\(colours[index])\"/><text x=\"\(x + 20)\" y=\"112\" fill=\"#1a1a1a\">\(bucket) days</text>"
        }
        return svg + "</svg>"
    }

    /// KPIs: the rates per month as lines (days in A/R, denial rate, net collection rate), one small chart each.
    static func kpiLines(_ report: Report) -> String {
        let column = Dictionary(uniqueKeysWithValues: report.columns.enumerated().map { ($0.element.name, $0.offset) })
        guard let monthAt = column["month"] else { return "" }
        let months = report.rows.compactMap { row -> String? in if case .text(let month) = row[monthAt] { month } else { nil } }
        var html = ""
        for (name, label) in [("days_in_ar", "Days in A/R"), ("denial_rate", "Denial rate (%)"), ("net_collection_rate", "Net collection rate (%)")] {
            guard let at = column[name] else { continue }
            let values = report.rows.map { row -> Double? in if case .decimal(let text) = row[at] { Double(text) } else { nil } }
            let known = values.compactMap { $0 }
            guard known.count >= 2, let low = known.min(), let high = known.max() else { continue }
            let span = max(high - low, 1)
            let step = 560.0 / Double(max(values.count - 1, 1))
            let points = values.enumerated().compactMap { index, value in
                value.map { "\(format(60 + Double(index) * step)),\(format(110 - ($0 - low) / span * 90))" }
            }.joined(separator: " ")
            let id = "kpi-\(name)"
            html += "<svg role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 640 140\" width=\"640\" height=\"140\" class=\"chart\">"
            html += "<title id=\"\(id)-t\">\(label) by month</title><desc id=\"\(id)-d\">"
                + zip(months, values).map { "\($0.0): \($0.1.map { format($0) } ?? "none")" }.joined(separator: ", ") + "</desc>"
            html += "<text x=\"0\" y=\"14\" fill=\"#1a1a1a\">\(label)</text>"
            html += "<text x=\"0\" y=\"30\" fill=\"#1a1a1a\">\(format(high))</text><text x=\"0\" y=\"112\" fill=\"#1a1a1a\">\(format(low))</text>"
            html += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\"/>"
            if let first = months.first, let last = months.last {
                html += "<text x=\"60\" y=\"134\" fill=\"#1a1a1a\">\(HTML.escape(first))</text><text x=\"560\" y=\"134\" fill=\"#1a1a1a\">\(HTML.escape(last))</text>"
            }
            html += "</svg>"
        }
        return html
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `part` (≥ 0) of `whole` (> 0) scaled to `scale`, rounded half up, in integers (no money passes through
    /// floating point): (2·part·scale + whole) ÷ 2·whole, in double width.
    static func share(_ part: Int64, of whole: Int64, scaledTo scale: Int64) -> Int64 {
        var (high, low) = part.multipliedFullWidth(by: 2 * scale)
        let (sum, carry) = low.addingReportingOverflow(UInt64(whole))
        low = sum
        if carry { high += 1 }
        return (2 * whole).dividingFullWidth((high, low)).quotient
    }

    /// Tenths of a pixel as an SVG length ("123.4").
    static func tenths(_ value: Int64) -> String { "\(value / 10).\(value % 10)" }
}
