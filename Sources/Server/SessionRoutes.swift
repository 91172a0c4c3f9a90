import Application
import Billing
import HTTPTypes
import Hummingbird

/// Sessions: the practice's logged sessions (session-id order, cursor pagination) and `POST
/// /practices/{practice}/sessions`, which logs a session from an EHR. `Idempotency-Key` is required; besides
/// the server's own record of it (IdempotencyMiddleware) it maps onto the log's idempotency keys (per practice,
/// namespaced by the acting role), so a retry logs nothing more even when the server's record was lost. The
/// session id is derived from the key.
struct SessionRoutes {
    let core: RevenueCycle
    /// Group commit of concurrent requests of a practice (decision 0010); nil runs each on its own.
    var batcher: SessionBatcher?
    static let fields: Set<String> = [
        "patientKey", "dateOfService", "rendering", "supervising", "placeOfService", "telehealth", "minutes", "diagnoses", "lines",
    ]
    static let lineFields: Set<String> = ["code", "modifiers", "units", "charge", "diagnosisPointers"]

    func add(to routes: RouteTable) {
        routes.add(.get, "/practices/{practice}/sessions") { request, context in
            let principal = try context.require(.read)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let page = try Page(try await acting.loggedSessions(tenant: practice.id.description), key: \.sessionID.rawValue, request: request)
            return JSONResponse.make(
                page.json("sessions") { record in
                    [
                        "sessionID": record.sessionID.rawValue, "patientKey": record.patientKey.rawValue, "dateOfService": record.dateOfService.description,
                        "rendering": record.rendering.rawValue, "minutes": record.minutes,
                        "charges": Wire.money(record.lines.reduce(Money.zero) { $0 + $1.charge }),
                    ] as [String: Any]
                })
        }
        routes.add(.post, "/practices/{practice}/sessions") { request, context in
            let principal = try context.require(.logSessions)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            let key = try IdempotencyMiddleware.required(request)
            let record = try await Self.record(request, context: context, key: "\(principal.role):\(key)")
            let created =
                if let batcher {
                    try await batcher.logSession(
                        record, tenant: practice.id.description, role: principal.role, idempotencyKey: "http:\(principal.role):\(key)")
                } else {
                    try await acting.logSession(
                        record, tenant: practice.id.description, idempotencyKey: "http:\(principal.role):\(key)", source: "api")
                }
            AppendMetrics.record("session", replayed: !created)
            var headers = HTTPFields()
            if !created { headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }
            return JSONResponse.make(
                ["sessionID": record.sessionID.rawValue, "practice": practice.slug, "dateOfService": record.dateOfService.description],
                status: .created, headers: headers)
        }
    }

    /// The session record of a request body.
    static func record(_ request: Request, context: ServerContext, key: String) async throws -> SessionRecord {
        let body = try await JSONObject.read(request, context: context, allowed: fields)
        let diagnoses = try body.strings("diagnoses", maxCount: 12, maxLength: 8).enumerated().map { index, text in
            guard let code = ICD10Code(text) else {
                throw Problem.invalid("diagnoses[\(index)]", "icd10", "diagnoses[\(index)] is not an ICD-10-CM code")
            }
            return code
        }
        let lines = try body.objects("lines", maxCount: 6, allowed: lineFields).map { line in
            let units = try line.integer("units", range: 1...99)
            let pointers = line.values["diagnosisPointers"] == nil
                ? [1] : try line.integers("diagnosisPointers", maxCount: 4, range: 1...diagnoses.count)
            let modifiers = line.values["modifiers"] == nil ? [] : try line.strings("modifiers", maxCount: 4, maxLength: 2)
            return ServiceLine(
                code: try line.string("code", maxLength: 5), modifiers: modifiers, units: Quantity(units: units), charge: try line.money("charge"),
                diagnosisPointers: pointers)
        }
        let telehealth = try body.optionalString("telehealth", maxLength: 20).map { text in
            guard let mode = TelehealthMode(rawValue: text) else {
                throw Problem.invalid("telehealth", "enum", "telehealth is audioVideo or audioOnly")
            }
            return mode
        }
        return SessionRecord(
            sessionID: SessionID("api-" + SHA256Hex.of(Array(key.utf8)).prefix(24)), patientKey: PatientKey(try body.string("patientKey", maxLength: 64)),
            dateOfService: try body.date("dateOfService"), rendering: ProviderID(try body.string("rendering", maxLength: 64)),
            supervising: try body.optionalString("supervising", maxLength: 64).map { ProviderID($0) },
            placeOfService: try body.optionalString("placeOfService", maxLength: 2) ?? "11", telehealth: telehealth,
            minutes: try body.integer("minutes", range: 1...600), diagnoses: diagnoses, lines: lines)
    }
}
