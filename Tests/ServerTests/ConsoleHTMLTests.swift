import Foundation
import Projections
import Testing

@testable import Server

/// The console's pure parts: escaping, money and times for people, forms, the CSRF token and the aging chart.
@Suite("The console's HTML, forms and CSRF token")
struct ConsoleHTMLTests {
    @Test("every character that could open markup or end an attribute is escaped")
    func escaping() {
        #expect(HTML.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(HTML.link("/app?a=1&b=\"2\"", "<b>") == "<a href=\"/app?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a>")
    }

    @Test("money shows dollars with thousands separators and always two cents digits")
    func money() {
        #expect(HTML.money(0) == "$0.00")
        #expect(HTML.money(5) == "$0.05")
        #expect(HTML.money(123_456_789) == "$1,234,567.89")
        #expect(HTML.money(-1_000_00) == "-$1,000.00")
    }

    @Test("a recorded time shows in the practice's time zone")
    func moments() {
        #expect(HTML.moment(iso: "2026-07-01T17:30:00.123Z", timeZone: "America/Chicago") == "2026-07-01 12:30 CDT")
        #expect(HTML.moment(iso: "not a time", timeZone: "America/Chicago") == "not a time")
    }

    @Test("a url-encoded form decodes plus signs, percent escapes and empty values; blank fields read as absent")
    func forms() {
        let form = FormBody(parsing: "reference=PORTAL+7%2F3&owner=&csrf=abc&note=%3Cb%3E")
        #expect(form["reference"] == "PORTAL 7/3")
        #expect(form["owner"] == nil)
        #expect(form["note"] == "<b>")
        #expect(form["missing"] == nil)
    }

    @Test("the CSRF token belongs to one session: another session's token, a changed one or none is refused")
    func csrf() {
        let token = CSRFToken.token(forSession: "session-a")
        #expect(token.count == 64)
        #expect(CSRFToken.verify(token, session: "session-a"))
        #expect(!CSRFToken.verify(token, session: "session-b"))
        let changed = String(token.dropLast()) + (token.last == "0" ? "1" : "0")
        #expect(!CSRFToken.verify(changed, session: "session-a"))
        #expect(!CSRFToken.verify(nil, session: "session-a"))
        #expect(!CSRFToken.verify(token, session: nil))
        #expect(CSRFToken.input(forSession: "session-a").contains("name=\"csrf\" value=\"\(token)\""))
    }

    @Test("the aging chart sums each side's buckets over payers and providers and says the amounts in its description")
    func agingChart() {
        let columns: [Report.Column] = [
            .init("tenant", .text), .init("side", .text), .init("payer", .text), .init("provider", .text), .init("0-30", .money),
            .init("31-60", .money), .init("61-90", .money), .init("91-120", .money), .init("121+", .money), .init("total", .money),
        ]
        let report = Report(
            name: "aging", columns: columns,
            rows: [
                [.text("acme"), .text("insurance"), .text("p1"), .text("dr"), .money(10_000), .money(0), .money(0), .money(0), .money(500), .money(10_500)],
                [.text("acme"), .text("insurance"), .text("p2"), .text("dr"), .money(5_000), .money(0), .money(0), .money(0), .money(0), .money(5_000)],
                [.text("acme"), .text("patient"), .text("p1"), .text("dr"), .money(0), .money(2_500), .money(0), .money(0), .money(0), .money(2_500)],
            ])
        let svg = ReportCharts.agingBars(report)
        #expect(svg.contains("insurance: 0-30 days $150.00, 31-60 days $0.00, 61-90 days $0.00, 91-120 days $0.00, 121+ days $5.00"))
        #expect(svg.contains("patient: 0-30 days $0.00, 31-60 days $25.00"))
        // The longest bar (insurance, $155.00) is the full 640 units; patient's $25.00 is in proportion.
        #expect(svg.contains("width=\"619.4\"") && svg.contains("width=\"103.2\""))
        #expect(!svg.contains("style="), "no inline style: the CSP forbids it")
    }
}
