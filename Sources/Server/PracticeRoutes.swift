import Application
import Hummingbird

/// `GET /practices`: the practices the principal may see (the database decides).
struct PracticeRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices") { _, context in
            let principal = try context.require(.read)
            let practices = try await core.acting(as: principal.role).tenants().filter { $0.kind == .practice }
            return JSONResponse.make([
                "practices": practices.sorted { $0.slug < $1.slug }.map { ["id": $0.id.description, "slug": $0.slug, "timeZone": $0.timeZone] }
            ])
        }
    }
}
