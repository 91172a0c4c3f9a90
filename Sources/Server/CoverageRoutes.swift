import Application
import Billing
import Foundation
import Hummingbird

/// A patient's coverages (facts only: payer, order, relation, copay, coinsurance, deductible, dates; the member
/// id is identity and stays in the PHI store): the list, and a new one by POST.
struct CoverageRoutes {
    let core: RevenueCycle
    static let fields: Set<String> = [
        "coverageID", "payerID", "order", "relation", "copay", "coinsurancePercent", "deductible", "effectiveFrom", "effectiveThrough",
    ]

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/patients/{patient}/coverages") { _, context in
            let scope = try await PatientScope.resolve(context, core: core, action: .read)
            return JSONResponse.make(["coverages": Self.list(try await scope.facts())])
        }
        routes.add(.post, "/practices/{practice}/patients/{patient}/coverages") { request, context in
            let scope = try await PatientScope.resolve(context, core: core, action: .writePatients)
            _ = try IdempotencyMiddleware.required(request)
            _ = try await scope.facts()
            let body = try await JSONObject.read(request, context: context, allowed: Self.fields)
            let coverage = Coverage(
                id: CoverageID(try body.string("coverageID", maxLength: 64)), payerID: PayerID(try body.string("payerID", maxLength: 64)),
                order: try body.enumeration("order", PayerOrder.self), relation: try body.optionalEnumeration("relation", SubscriberRelation.self) ?? .`self`,
                copay: try body.optionalMoney("copay") ?? .zero, coinsurancePercent: try body.optionalInteger("coinsurancePercent", range: 0...100) ?? 0,
                deductible: try body.optionalMoney("deductible") ?? .zero,
                effective: EffectivePeriod(from: try body.date("effectiveFrom"), through: try body.optionalDate("effectiveThrough")))
            try await scope.acting.addCoverage(coverage, patient: scope.key, tenant: scope.tenant)
            return JSONResponse.make(Self.json(coverage), status: .created)
        }
    }

    static func list(_ facts: Patient.State) -> [[String: Any]] {
        facts.coverages.values.sorted { ($0.order, $0.id.rawValue) < ($1.order, $1.id.rawValue) }.map(json)
    }

    static func json(_ coverage: Coverage) -> [String: Any] {
        [
            "coverageID": coverage.id.rawValue, "payerID": coverage.payerID.rawValue, "order": coverage.order.rawValue,
            "relation": coverage.relation.rawValue, "copay": Wire.money(coverage.copay), "coinsurancePercent": coverage.coinsurancePercent,
            "deductible": Wire.money(coverage.deductible), "effectiveFrom": coverage.effective.from.description,
            "effectiveThrough": coverage.effective.through?.description ?? NSNull(),
        ]
    }
}
