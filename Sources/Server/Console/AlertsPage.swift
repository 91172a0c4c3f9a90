import Application
import Billing
import Foundation
import Hummingbird

/// The alerts queue on its own page (authorizations running out, coverages ending, timely filing, appeal
/// windows, stale eligibility): the alert service folds every patient's record, too slow for the home page.
struct AlertsPage {
    let session: ConsoleSession

    func render() async throws -> Response {
        let alerts = try await session.core.alerts(tenant: session.tenant.slug)
        let body = "<h1>Alerts: \(HTML.escape(session.tenant.slug))</h1>" + HTML.table(
            caption: "\(alerts.count) deadlines that lose money when missed, soonest first", headers: ["Kind", "Patient key", "Subject", "Deadline", "Detail", "Resolve with"],
            rows: alerts.prefix(200).map { alert in
                [
                    HTML.escape(alert.kind.rawValue), HTML.escape(alert.patientKey.description), HTML.escape(alert.subject), HTML.escape(alert.deadline.description),
                    HTML.escape(alert.detail), HTML.escape(alert.resolveWith),
                ]
            }, id: "alerts-table")
        return session.page("Alerts", body)
    }
}
