import Billing
import EventStore
import Foundation

/// A patient as shown to a person with a reason: the identity (nil once destroyed) and the facts.
public struct PatientView: Sendable {
    /// The identity from the PHI store, or nil when it was destroyed.
    public var identity: PatientIdentity?
    /// Coverages, authorizations, sensitivity.
    public var state: Patient.State
}

/// What a CSV import of sessions did.
public struct SessionImportOutcome: Sendable, Equatable {
    /// Sessions written.
    public var imported: Int
    /// Rows refused, each "line N: why", by line.
    public var skipped: [String]
}

extension RevenueCycle {
    /// Registers a patient (identity to the PHI store, a pseudonymous key in the log); returns the key. A
    /// duplicate of a registered patient is refused with its key unless `duplicateReason` says why.
    public func addPatient(_ identity: PatientIdentity, selfPay: Bool, tenant: String, duplicateReason: String? = nil) async throws -> PatientKey {
        try await inTenant(tenant, reason: duplicateReason) { tx, context in
            try PatientService().add(identity, selfPay: selfPay, duplicateReason: duplicateReason, context: context, in: tx)
        }
    }

    /// Shows a patient, recording the read in the access log first.
    public func showPatient(_ key: PatientKey, tenant: String, reason: String) async throws -> PatientView {
        try await inTenant(tenant, reason: reason) { tx, context in
            let (identity, state) = try PatientService().show(key, purpose: reason, context: context, in: tx)
            return PatientView(identity: identity, state: state)
        }
    }

    /// Destroys a patient's identity after retention (and redacts the raw files that mention the patient);
    /// returns each record destroyed or redacted.
    @discardableResult
    public func forgetPatient(_ key: PatientKey, tenant: String, reason: String) async throws -> [Patient.DestroyedRecord] {
        try await inTenant(tenant, reason: reason) { tx, context in try PatientService().forget(key, context: context, in: tx) }
    }

    /// Records a coverage with a catalog payer; a second patient with the same member id at the same payer is
    /// refused with the first one's key unless `duplicateReason` says why.
    public func addCoverage(_ coverage: Coverage, patient key: PatientKey, tenant: String, duplicateReason: String? = nil) async throws {
        try await inTenant(tenant, reason: duplicateReason) { tx, context in
            let company = try CompanyService().state(in: tx)
            guard company.payers[coverage.payerID.rawValue] != nil else { throw CommandRejected("payer \(coverage.payerID) is not in the catalog") }
            try PatientService().addCoverage(coverage, for: key, duplicateReason: duplicateReason, context: context, in: tx)
        }
    }

    /// Records a prior authorization.
    public func addAuthorization(_ authorization: Authorization, patient key: PatientKey, tenant: String) async throws {
        try await inTenant(tenant) { tx, context in try PatientService().addAuthorization(authorization, for: key, context: context, in: tx) }
    }

    /// Logs one session from the EHR. With an idempotency key (the server's `Idempotency-Key`), a key
    /// already used in the practice logs nothing and answers `false`, also when two requests race (the
    /// log's own key check, under the tenant's lock, decides).
    @discardableResult
    public func logSession(_ record: SessionRecord, tenant: String, idempotencyKey: String? = nil, source: String = "cli") async throws -> Bool {
        try await inTenant(tenant, source: source) { tx, context in
            if let idempotencyKey, try tx.log.isKeyUsed(tenant: context.tenant.id, key: idempotencyKey) { return false }
            let practice = try PracticeService().state(context, in: tx)
            return try SessionService().log(record, context: context, practice: practice, idempotencyKey: idempotencyKey, in: tx)
        }
    }

    /// Corrects a logged session (an amended note).
    public func correctSession(_ record: SessionRecord, reason: String, tenant: String) async throws {
        try await inTenant(tenant, reason: reason) { tx, context in
            let practice = try PracticeService().state(context, in: tx)
            try SessionService().correct(record, reason: reason, context: context, practice: practice, in: tx)
        }
    }

    /// Imports sessions from an EHR's CSV export: all or nothing, or with `skipInvalid` the valid rows and a
    /// list of the others. `fileName` names the source on the events and in errors.
    public func importSessions(csv text: String, fileName: String, tenant: String, skipInvalid: Bool) async throws -> SessionImportOutcome {
        let parsed = SessionCSV.parse(text)
        let source = "csv:\(URL(fileURLWithPath: fileName).lastPathComponent)"
        return try await inTenant(tenant, source: source) { tx, context in
            let practice = try PracticeService().state(context, in: tx)
            var problems = parsed.problems
            var imported = 0
            for (line, record) in parsed.records {
                do {
                    try tx.nested { _ = try SessionService().log(record, context: context, practice: practice, in: tx) }
                    imported += 1
                } catch {
                    problems.append("line \(line): \(error)")
                }
            }
            let sorted = problems.sorted(by: Self.lineOrder)
            if !problems.isEmpty && !skipInvalid {
                throw CommandRejected("\(fileName): nothing imported; \(problems.count) invalid row(s):\n  " + sorted.joined(separator: "\n  "))
            }
            return SessionImportOutcome(imported: imported, skipped: sorted)
        }
    }

    /// Orders "line N: …" messages by N.
    static func lineOrder(_ a: String, _ b: String) -> Bool {
        func number(_ s: String) -> Int { Int(s.dropFirst(5).prefix { $0.isNumber }) ?? 0 }
        return number(a) < number(b)
    }
}
