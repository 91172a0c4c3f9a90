import Application
import Billing
import Foundation
import Hummingbird

/// A patient's prior authorizations: the list (units granted, used, left) and a new one by POST.
struct AuthorizationRoutes {
    let core: RevenueCycle
    static let fields: Set<String> = ["number", "payerID", "codes", "units", "effectiveFrom", "effectiveThrough"]

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/patients/{patient}/authorizations") { _, context in
            let scope = try await PatientScope.resolve(context, core: core, action: .read)
            return JSONResponse.make(["authorizations": Self.list(try await scope.facts())])
        }
        routes.add(.post, "/practices/{practice}/patients/{patient}/authorizations") { request, context in
            let scope = try await PatientScope.resolve(context, core: core, action: .writePatients)
            _ = try IdempotencyMiddleware.required(request)
            _ = try await scope.facts()
            let body = try await JSONObject.read(request, context: context, allowed: Self.fields)
            let authorization = Authorization(
                number: try body.string("number", maxLength: 50), payerID: PayerID(try body.string("payerID", maxLength: 64)),
                codes: Set(try body.strings("codes", maxCount: 20, maxLength: 5)), units: Quantity(units: try body.integer("units", range: 1...999)),
                window: EffectivePeriod(from: try body.date("effectiveFrom"), through: try body.optionalDate("effectiveThrough")))
            try await scope.acting.addAuthorization(authorization, patient: scope.key, tenant: scope.tenant)
            return JSONResponse.make(Self.json(authorization), status: .created)
        }
    }

    static func list(_ facts: Patient.State) -> [[String: Any]] {
        facts.authorizations.values.sorted { $0.number < $1.number }.map(json)
    }

    static func json(_ authorization: Authorization) -> [String: Any] {
        [
            "number": authorization.number, "payerID": authorization.payerID.rawValue, "codes": authorization.codes.sorted(),
            "units": authorization.units.description, "used": authorization.consumed.description, "remaining": authorization.remaining.description,
            "effectiveFrom": authorization.window.from.description, "effectiveThrough": authorization.window.through?.description ?? NSNull(),
        ]
    }
}
