import Billing
import EventStore
import Foundation

/// Patients: identity in the PHI store, a pseudonymous key and facts in the log, coverages,
/// authorizations, reads recorded in the access log, identity destruction.
public struct PatientService: Sendable {
    let repository = AggregateRepository()
    let phi = PHIStore()
    let access = AccessLog()

    /// A service.
    public init() {}

    /// A new pseudonymous patient key (random; it carries nothing about the person).
    public static func newKey() -> PatientKey {
        PatientKey("pk-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))
    }

    /// Registers a patient: identity to the PHI store, `patient.registered` (key and salted digest only) and
    /// the patient account, in one transaction. Returns the key.
    ///
    /// The record is held to its form first (`PatientIdentity.formProblems`). A patient already registered
    /// with the same name, date of birth and member id is refused with the existing key, unless
    /// `duplicateReason` says why a second record is right (the reason is recorded with the events); the
    /// comparison runs inside the PHI store, so no identifier leaves it.
    public func add(
        _ identity: PatientIdentity, selfPay: Bool, key: PatientKey = PatientService.newKey(), duplicateReason: String? = nil,
        context: CommandContext, in tx: any StoreTransaction
    ) throws -> PatientKey {
        let problems = identity.formProblems(today: context.today)
        guard problems.isEmpty else { throw CommandRejected("the patient was not registered: " + problems.joined(separator: "; ")) }
        if duplicateReason == nil {
            let sameAs = (first: identity.firstName, last: identity.lastName, dateOfBirth: identity.dateOfBirth.description)
            if let existing = try tx.phi.patientKeys(memberID: identity.memberID, sameAs: sameAs, tenant: context.tenant.id).first {
                throw CommandRejected(
                    "a patient with this name, date of birth and member id is already registered as \(existing); use that key, "
                        + "or register a second record with --allow-duplicate and a --reason")
            }
        }
        let digest = try phi.save(identity, key: key, tenant: context.tenant.id, in: tx)
        try repository.execute(
            Patient.self, stream: Patient.streamID(key), command: .register(key: key, identityDigest: digest, on: context.today),
            effectiveDate: context.today, context: context, in: tx)
        try repository.execute(
            PatientAccount.self, stream: PatientAccount.streamID(key), command: .open(key, selfPay: selfPay, on: context.today),
            effectiveDate: context.today, context: context, in: tx)
        return key
    }

    /// The patient's folded state.
    public func state(_ key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws -> Patient.State {
        let loaded = try repository.load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx)
        guard loaded.version > 0 else { throw CommandRejected("there is no patient \(key) in \(context.tenant.slug)") }
        return loaded.state
    }

    /// Shows a patient's identity and facts, recording the read in the access log first.
    public func show(_ key: PatientKey, purpose: String, context: CommandContext, in tx: any StoreTransaction) throws
        -> (identity: PatientIdentity?, state: Patient.State)
    {
        let state = try state(key, context: context, in: tx)
        try access.record(record: "patient:\(key)", patientKey: key.rawValue, purpose: purpose, sensitive: state.substanceUseSensitive, context: context, in: tx)
        return (try phi.identity(key: key, tenant: context.tenant.id, in: tx), state)
    }

    /// Records a coverage. Another patient of the practice with the same member id and a coverage with the
    /// same payer is a duplicate: refused with that patient's key unless `duplicateReason` says why.
    public func addCoverage(
        _ coverage: Coverage, for key: PatientKey, duplicateReason: String? = nil, context: CommandContext, in tx: any StoreTransaction
    ) throws {
        if duplicateReason == nil, let identity = try phi.identity(key: key, tenant: context.tenant.id, in: tx), !identity.memberID.isEmpty {
            for other in try tx.phi.patientKeys(memberID: identity.memberID, sameAs: nil, tenant: context.tenant.id) where other != key {
                let state = try repository.load(Patient.self, stream: Patient.streamID(other), tenant: context.tenant.id, in: tx).state
                if state.coverages.values.contains(where: { $0.payerID == coverage.payerID }) {
                    throw CommandRejected(
                        "patient \(other) has the same member id and a coverage with this payer; use that key, "
                            + "or record this coverage with --allow-duplicate and a --reason")
                }
            }
        }
        try repository.execute(
            Patient.self, stream: Patient.streamID(key), command: .recordCoverage(coverage, on: context.today), effectiveDate: context.today,
            context: context, in: tx)
    }

    /// Records an authorization.
    public func addAuthorization(_ authorization: Authorization, for key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws {
        try repository.execute(
            Patient.self, stream: Patient.streamID(key), command: .recordAuthorization(authorization, on: context.today),
            effectiveDate: context.today, context: context, in: tx)
    }

    /// Destroys the patient's identity (after retention): the raw X12 files that mention the patient are
    /// redacted, the PHI row and its salt go, and the log records `patient.identity_forgotten` listing each
    /// record destroyed or redacted by store and key. The books and the chain are untouched.
    @discardableResult
    public func forget(_ key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws -> [Patient.DestroyedRecord] {
        _ = try state(key, context: context, in: tx)
        var destroyed: [Patient.DestroyedRecord] = []
        if let identity = try phi.identity(key: key, tenant: context.tenant.id, in: tx) {
            destroyed += try phi.redactFiles(mentioning: identity, tenant: context.tenant.id, in: tx).map {
                Patient.DestroyedRecord(store: "rcm_phi.x12_files", record: $0, action: .redacted)
            }
        }
        if try phi.forget(key: key, tenant: context.tenant.id, in: tx) {
            destroyed.append(Patient.DestroyedRecord(store: "rcm_phi.patient_identities", record: key.rawValue, action: .deleted))
        }
        try repository.execute(
            Patient.self, stream: Patient.streamID(key), command: .forgetIdentity(on: context.today, destroyed: destroyed),
            effectiveDate: context.today, context: context, in: tx)
        return destroyed
    }
}
