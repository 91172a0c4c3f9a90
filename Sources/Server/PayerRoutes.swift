import Application
import Billing
import Foundation
import Hummingbird

/// The company's payer catalog (read-only here: owners keep it with `rcm payer add/update`) and a practice's
/// enrolments with those payers (list and one, with the rule in force today's providers and contract rates).
struct PayerRoutes {
    let core: RevenueCycle

    func add(to routes: RouteTable) {
        routes.add(.get, "/payers") { _, context in
            let principal = try context.require(.read)
            let payers = try await core.acting(as: principal.role).payers().sorted { $0.payerID < $1.payerID }
            return JSONResponse.make(["payers": payers.map(Self.json)])
        }
        routes.add(.get, "/payers/{payer}") { _, context in
            let principal = try context.require(.read)
            let id = try Wire.parameter("payer", context, maxLength: 64)
            guard let payer = try await core.acting(as: principal.role).payers().first(where: { $0.payerID == id }) else {
                throw Problem.notFound("payer \(id)")
            }
            return JSONResponse.make(Self.json(payer))
        }
        routes.add(.get, "/practices/{practice}/enrolments") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let directory = try await acting.practiceDirectory(tenant: practice.id.description)
            let enrolments = directory.practice.payers.values.sorted { $0.payerID.rawValue < $1.payerID.rawValue }
            return JSONResponse.make(["enrolments": enrolments.map(Self.enrolment)])
        }
        routes.add(.get, "/practices/{practice}/enrolments/{payer}") { _, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let id = try Wire.parameter("payer", context, maxLength: 64)
            guard let enrolment = try await acting.practiceDirectory(tenant: practice.id.description).practice.payers[PayerID(id)] else {
                throw Problem.notFound("enrolment \(id)")
            }
            return JSONResponse.make(Self.enrolment(enrolment))
        }
    }

    static func json(_ payer: PayerProfile) -> [String: Any] {
        ["payerID": payer.payerID, "name": payer.name, "x12PayerID": payer.x12PayerID, "kind": payer.kind, "filingIndicator": payer.filingIndicator]
    }

    static func enrolment(_ enrolment: PayerEnrollment) -> [String: Any] {
        [
            "payerID": enrolment.payerID.rawValue, "name": enrolment.name, "providers": enrolment.providers.map(\.rawValue).sorted(),
            "rules": enrolment.rules.map { rule -> [String: Any] in
                [
                    "effectiveFrom": rule.effectiveFrom.description, "timelyFilingDays": rule.timelyFilingDays,
                    "authorizationRequired": rule.authorizationRequired, "appealDays": rule.appealDays,
                    "correctedClaimDays": rule.correctedClaimDays, "behavioralCarveOut": rule.behavioralCarveOut,
                ]
            },
            "contractRates": enrolment.contractRates.map {
                ["code": $0.code, "amount": Wire.money($0.amount), "effectiveFrom": $0.effectiveFrom.description]
            },
        ]
    }
}
