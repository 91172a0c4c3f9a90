import Billing
import EventStore
import Foundation

/// Therapy sessions as the EHR hands them over: logged, corrected, voided.
public struct SessionService: Sendable {
    let repository = AggregateRepository()

    /// A service.
    public init() {}

    /// Logs a session of a registered patient with a provider of the practice.
    /// Returns false when the idempotency key had been used (the original append stands; nothing new).
    @discardableResult
    public func log(
        _ record: SessionRecord, context: CommandContext, practice: Practice.State, idempotencyKey: String? = nil,
        in tx: any StoreTransaction
    ) throws -> Bool {
        let patient = try repository.load(Patient.self, stream: Patient.streamID(record.patientKey), tenant: context.tenant.id, in: tx)
        guard patient.version > 0 else { throw CommandRejected("there is no patient \(record.patientKey) in \(context.tenant.slug)") }
        guard practice.providers[record.rendering] != nil else {
            throw CommandRejected("there is no provider \(record.rendering) in \(context.tenant.slug)")
        }
        let loaded = try repository.load(Billing.Session.self, stream: Billing.Session.streamID(record.sessionID), tenant: context.tenant.id, in: tx)
        let events: [Billing.Session.Event]
        do {
            events = try Billing.Session.decide(.log(record, on: record.dateOfService), loaded.state)
        } catch {
            throw CommandRejected(error.description)
        }
        guard !events.isEmpty else { return false }
        let appended = try repository.append(
            Billing.Session.self, events, stream: Billing.Session.streamID(record.sessionID),
            expected: loaded.version == 0 ? .noStream : .exactly(loaded.version), effectiveDate: record.dateOfService, context: context,
            idempotencyKey: idempotencyKey, in: tx)
        return !appended.replayed
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
