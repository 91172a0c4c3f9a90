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
    public func add(_ identity: PatientIdentity, selfPay: Bool, key: PatientKey = PatientService.newKey(), context: CommandContext, in tx: any StoreTransaction)
        throws -> PatientKey
    {
        guard !identity.firstName.isEmpty, !identity.lastName.isEmpty else { throw CommandRejected("a patient needs a first and a last name") }
        guard identity.dateOfBirth <= context.today else { throw CommandRejected("the date of birth is in the future") }
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

    /// Records a coverage.
    public func addCoverage(_ coverage: Coverage, for key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws {
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

    /// Destroys the patient's identity (after retention): the PHI row and its salt go; the log records
    /// `patient.identity_forgotten`; the books and the chain are untouched.
    public func forget(_ key: PatientKey, context: CommandContext, in tx: any StoreTransaction) throws {
        _ = try state(key, context: context, in: tx)
        try repository.execute(
            Patient.self, stream: Patient.streamID(key), command: .forgetIdentity(on: context.today), effectiveDate: context.today,
            context: context, in: tx)
        _ = try phi.forget(key: key, tenant: context.tenant.id, in: tx)
    }
}
