import Application
import Billing
import Foundation
import HTTPTypes
import Hummingbird

/// Patients by pseudonymous key: the list (cursor pagination in key order), one patient's facts (no identity),
/// the identity only through `…/identity` (every read recorded as `access.phi_viewed`, as `rcm patient show`
/// does), and registration by POST with the identity in the body only (never in a URL, never echoed back).
struct PatientRoutes {
    let core: RevenueCycle
    static let fields: Set<String> = ["firstName", "lastName", "dateOfBirth", "address", "phone", "memberID", "subscriberID", "selfPay"]

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/patients") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let page = try Page(try await acting.patientKeys(tenant: practice.id.description), key: \.rawValue, request: request)
            return JSONResponse.make(page.json("patients") { ["patientKey": $0.rawValue] })
        }
        routes.add(.post, "/practices/{practice}/patients") { request, context in
            let principal = try context.require(.writePatients)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            _ = try IdempotencyMiddleware.required(request)
            let body = try await JSONObject.read(request, context: context, allowed: Self.fields)
            let identity = PatientIdentity(
                firstName: try body.string("firstName", maxLength: PatientIdentity.firstNameLimit),
                lastName: try body.string("lastName", maxLength: PatientIdentity.lastNameLimit), dateOfBirth: try body.date("dateOfBirth"),
                address: try body.string("address", maxLength: PatientIdentity.addressLimit), phone: try body.string("phone", maxLength: 20),
                memberID: try body.string("memberID", maxLength: 80), subscriberID: try body.optionalString("subscriberID", maxLength: 80))
            let selfPay = try body.optionalBoolean("selfPay") ?? false
            let key = try await acting.addPatient(identity, selfPay: selfPay, tenant: practice.id.description)
            AppendMetrics.record("patient")
            return JSONResponse.make(["patientKey": key.rawValue], status: .created)
        }
        routes.add(.get, "/practices/{practice}/patients/{patient}") { _, context in
            let scope = try await PatientScope.resolve(context, core: core, action: .read)
            let facts = try await scope.facts()
            return JSONResponse.make([
                "patientKey": scope.key.rawValue, "identityForgotten": facts.identityForgotten, "substanceUseSensitive": facts.substanceUseSensitive,
                "coverages": CoverageRoutes.list(facts), "authorizations": AuthorizationRoutes.list(facts),
            ])
        }
        routes.add(.get, "/practices/{practice}/patients/{patient}/identity") { _, context in
            let scope = try await PatientScope.resolve(context, core: core, action: .readIdentity)
            let key = scope.key
            let identity = try await scope.acting.patientIdentity(key, tenant: scope.tenant, purpose: "api: patient identity")
            var headers = HTTPFields()
            headers[.cacheControl] = "no-store"
            guard let identity else { return JSONResponse.make(["patientKey": key.rawValue, "identity": NSNull()], headers: headers) }
            return JSONResponse.make(
                [
                    "patientKey": key.rawValue,
                    "identity": [
                        "firstName": identity.firstName, "lastName": identity.lastName, "dateOfBirth": identity.dateOfBirth.description,
                        "address": identity.address, "phone": identity.phone, "memberID": identity.memberID,
                        "subscriberID": identity.subscriberID ?? NSNull(),
                    ] as [String: Any],
                ], headers: headers)
        }
    }
}
