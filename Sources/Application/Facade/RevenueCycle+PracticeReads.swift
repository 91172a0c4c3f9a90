import Billing
import EventStore
import Foundation

/// A practice's providers (with their names from the directory) and payer enrolments, for the server.
public struct PracticeDirectory: Sendable {
    /// The practice's billing state: providers and enrolments.
    public let practice: Practice.State
    /// Provider names by provider id.
    public let profiles: [String: ProviderProfile]
}

/// Reads of a practice that name no patient: the server lists and shows these without a reason.
extension RevenueCycle {
    /// The practice's providers and payer enrolments.
    public func practiceDirectory(tenant: String) async throws -> PracticeDirectory {
        try await inTenant(tenant, source: "api") { tx, context in
            PracticeDirectory(
                practice: try PracticeService().state(context, in: tx), profiles: try ProviderProfile.all(tenant: context.tenant.id, in: tx))
        }
    }

    /// The pseudonymous keys of the practice's registered patients, sorted (the log's `patient.registered`).
    public func patientKeys(tenant: String) async throws -> [PatientKey] {
        try await inTenant(tenant, source: "api") { tx, context in
            try tx.log.events(ofTypes: ["patient.registered"], tenants: [context.tenant.id], login: nil, recordedSince: nil)
                .map { PatientKey(String($0.streamID.dropFirst("patient-".count))) }
                .sorted { $0.rawValue < $1.rawValue }
        }
    }

    /// A patient's facts without the identity (coverages, authorizations, sensitivity): no PHI is read, so no
    /// access is recorded. `NoSuchRecord` when the practice has no such patient.
    public func patientFacts(_ key: PatientKey, tenant: String) async throws -> Patient.State {
        try await inTenant(tenant, source: "api") { tx, context in
            let loaded = try AggregateRepository().load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx)
            guard loaded.version > 0 else { throw NoSuchRecord() }
            return loaded.state
        }
    }

    /// A patient's identity (nil once destroyed), recording the read in the access log first;
    /// `NoSuchRecord` when the practice has no such patient.
    public func patientIdentity(_ key: PatientKey, tenant: String, purpose: String) async throws -> PatientIdentity? {
        try await inTenant(tenant, reason: purpose, source: "api") { tx, context in
            let loaded = try AggregateRepository().load(Patient.self, stream: Patient.streamID(key), tenant: context.tenant.id, in: tx)
            guard loaded.version > 0 else { throw NoSuchRecord() }
            return try PatientService().show(key, purpose: purpose, context: context, in: tx).identity
        }
    }

    /// Every 270 the practice sent, in the order sent.
    public func eligibilityInquiries(tenant: String) async throws -> [EligibilityEvent.InquirySent] {
        try await inTenant(tenant, source: "api") { tx, context in try EligibilityRecords.inquiriesSent(tenant: context.tenant.id, in: tx) }
    }

    /// The practice's logged sessions as first logged, in session-id order.
    public func loggedSessions(tenant: String) async throws -> [SessionRecord] {
        try await inTenant(tenant, source: "api") { tx, context in
            let codec = EventCodec()
            return try tx.log.events(ofTypes: ["session.logged"], tenants: [context.tenant.id], login: nil, recordedSince: nil)
                .compactMap { event -> SessionRecord? in
                    guard case .logged(let logged) = try codec.decode(Session.Event.self, event.eventType, event.schemaVersion, event.payload) else { return nil }
                    return logged.record
                }
                .sorted { $0.sessionID.rawValue < $1.sessionID.rawValue }
        }
    }
}
