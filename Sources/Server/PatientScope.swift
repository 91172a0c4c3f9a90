import Application
import Billing

/// What a route under `/practices/{practice}/patients/{patient}` works on, once the person may take `action`:
/// the core acting as that person, the practice (another practice's is a 404 like one that does not exist) and
/// the patient's key (not yet looked up: routes read the facts or the identity they need).
struct PatientScope {
    let acting: RevenueCycle
    let practice: Tenant
    let key: PatientKey

    var tenant: String { practice.id.description }

    static func resolve(_ context: ServerContext, core: RevenueCycle, action: APIAction) async throws -> PatientScope {
        let principal = try context.require(action)
        let acting = try core.acting(as: principal.role)
        let practice = try await Wire.practice(context, core: acting)
        return PatientScope(acting: acting, practice: practice, key: PatientKey(try Wire.parameter("patient", context, maxLength: 64)))
    }

    /// The patient's facts (a 404 problem when the practice has no such patient).
    func facts() async throws -> Patient.State {
        try await acting.patientFacts(key, tenant: tenant)
    }
}
