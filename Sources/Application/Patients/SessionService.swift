import Billing
import EventStore
import Foundation

/// Therapy sessions as the EHR hands them over: logged, corrected, voided.
public struct SessionService: Sendable {
    let repository = AggregateRepository()

    /// A service.
    public init() {}

    /// Logs a session of a registered patient with a provider of the practice.
    public func log(_ record: SessionRecord, context: CommandContext, practice: Practice.State, in tx: any StoreTransaction) throws {
        let patient = try repository.load(Patient.self, stream: Patient.streamID(record.patientKey), tenant: context.tenant.id, in: tx)
        guard patient.version > 0 else { throw CommandRejected("there is no patient \(record.patientKey) in \(context.tenant.slug)") }
        guard practice.providers[record.rendering] != nil else {
            throw CommandRejected("there is no provider \(record.rendering) in \(context.tenant.slug)")
        }
        try repository.execute(
            Billing.Session.self, stream: Billing.Session.streamID(record.sessionID), command: .log(record, on: record.dateOfService),
            effectiveDate: record.dateOfService, context: context, in: tx)
    }

    /// A session's record, if logged and not voided.
    public func record(_ id: SessionID, context: CommandContext, in tx: any StoreTransaction) throws -> SessionRecord {
        let loaded = try repository.load(Billing.Session.self, stream: Billing.Session.streamID(id), tenant: context.tenant.id, in: tx)
        guard let record = loaded.state.record else { throw CommandRejected("there is no session \(id)") }
        guard !loaded.state.voided else { throw CommandRejected("session \(id) was voided") }
        return record
    }

    /// Corrects a logged session (the EHR's note was amended); claims built from it are corrected with
    /// `rcm claims correct`.
    public func correct(_ record: SessionRecord, reason: String, context: CommandContext, practice: Practice.State, in tx: any StoreTransaction) throws {
        guard practice.providers[record.rendering] != nil else {
            throw CommandRejected("there is no provider \(record.rendering) in \(context.tenant.slug)")
        }
        try repository.execute(
            Billing.Session.self, stream: Billing.Session.streamID(record.sessionID), command: .correct(record, reason: reason, on: context.today),
            effectiveDate: context.today, context: context, in: tx)
    }
}
