import Application
import Billing
import HTTPTypes
import Hummingbird

/// `POST /practices/{practice}/sessions`: logs a session from an EHR. `Idempotency-Key` is required and maps
/// onto the log's idempotency keys (per practice, namespaced by the acting role): a retried request, also
/// one racing the first, logs nothing more and gets the original answer. The session id is derived from
/// the key, so the answer is the same without storing it.
struct SessionRoutes {
    let core: RevenueCycle
    /// Group commit of concurrent requests of a practice (decision 0010); nil runs each on its own.
    var batcher: SessionBatcher?
    static let idempotencyHeader = HTTPField.Name("Idempotency-Key")!
    static let fields: Set<String> = [
        "patientKey", "dateOfService", "rendering", "supervising", "placeOfService", "telehealth", "minutes", "diagnoses", "lines",
    ]
    static let lineFields: Set<String> = ["code", "modifiers", "units", "charge", "diagnosisPointers"]

    func add(to routes: RouteTable) {
        routes.add(.post, "/practices/{practice}/sessions") { request, context in
            let principal = try context.require(.logSessions)
            let acting = try core.acting(as: principal.role)
            let practice = try await Wire.practice(context, core: acting)
            guard let key = request.headers[Self.idempotencyHeader], (1...200).contains(key.count),
                key.allSatisfy({ $0.isASCII && !$0.isWhitespace })
            else {
                throw Problem.invalid("Idempotency-Key", "required", "Idempotency-Key is required: 1 to 200 visible ASCII characters")
            }
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
