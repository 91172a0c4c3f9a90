import Application
import Foundation
import Hummingbird
import Projections

/// The home page's queue of sessions not yet on a claim: oldest date of service first (or by provider), filtered by
/// provider and payer, each row linking to the session's page, where its claim is created.
struct UnclaimedSessionsQueue {
    let session: ConsoleSession
    let provider: String?
    let payer: String?
    let order: UnclaimedSessions.Order

    init(session: ConsoleSession, request: Request) {
        self.session = session
        provider = queryText(request, "s_provider")
        payer = queryText(request, "s_payer")
        order = queryText(request, "s_sort").flatMap(UnclaimedSessions.Order.init(rawValue:)) ?? .date
    }

    /// The queue's rows (at most `limit`) and how many sessions wait in all.
    func load(limit: Int) async throws -> (rows: [UnclaimedSession], total: Int) {
        try await session.core.unclaimedSessions(tenant: session.tenant.slug, provider: provider, payer: payer, order: order, limit: limit)
    }

    /// The queue's section of the home page.
    func html(_ rows: [UnclaimedSession]) -> String {
        let sorts: [(UnclaimedSessions.Order, String)] = [(.date, "Date of service, oldest first"), (.provider, "Provider")]
        let filter = """
            <form class="inline" method="get" action="\(session.url())" aria-label="Filter sessions not on a claim">
            <div><label for="s-provider">Provider</label><input id="s-provider" name="s_provider" value="\(HTML.escape(provider ?? ""))"></div>
            <div><label for="s-payer">Payer</label><input id="s-payer" name="s_payer" value="\(HTML.escape(payer ?? ""))"></div>
            <div><label for="s-sort">Sort</label><select id="s-sort" name="s_sort">\(sorts.map { "<option value=\"\($0.0.rawValue)\"\($0.0 == order ? " selected" : "")>\($0.1)</option>" }.joined())</select></div>
            <button type="submit">Filter</button></form>
            """
        return "<h2 id=\"queue-sessions\">Sessions not on a claim</h2>" + filter
            + HTML.table(
                caption: "Sessions logged with no claim created for them", headers: ["Session", "Provider", "Payer", "Service", "#Days since", "Logged"],
                rows: rows.map { item in
                    [
                        HTML.link(session.url("/sessions/\(SessionPage.pathComponent(item.row.sessionID))"), item.row.sessionID), HTML.escape(item.row.provider),
                        HTML.escape(item.payer?.rawValue ?? "no coverage"), HTML.escape(item.row.dateOfService), String(item.row.daysSince),
                        HTML.escape(item.row.loggedOn),
                    ]
                }, id: "sessions-table")
    }
}
