import Billing
import EventStore
import Foundation

/// One read of protected data, as the access trail shows it.
public struct AccessRecord: Sendable, Equatable {
    /// The practice's slug.
    public var practice: String
    /// When the server recorded the read.
    public var recordedAt: Date
    /// The database login that read.
    public var login: String
    /// What was read (`patient:…`, `claim:…`).
    public var record: String
    /// Why.
    public var reason: String
    /// A 42 CFR Part 2 record.
    public var sensitive: Bool
}

extension RevenueCycle {
    /// The first instant of a calendar day, in UTC (the clock `recorded_at` is kept in).
    static func midnightUTC(_ day: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }

    /// The access trail: reads of a patient's records, or by a login, since a date, in some or all tenants, oldest
    /// first; only the `newest` reads when given (for one practice cut in SQL, however long its log).
    public func accessTrail(patient: PatientKey?, login: String?, since: LocalDate?, tenant: String?, newest: Int? = nil) async throws -> [AccessRecord] {
        try await backend.transaction { tx in
            let tenants = try Self.resolve(tenant, in: tx)
            let slugs = Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, $0.slug) })
            let events: [RecordedEvent]
            if let newest, tenants.count == 1 {
                // A page of one practice's trail: the newest reads, cut in SQL (the patient as either version wrote it).
                let documents = patient.map { [["patientKey": $0.rawValue], ["patient_key": $0.rawValue]] } ?? []
                events = try tx.log.newestEvents(
                    ofTypes: [AccessLog.eventType], tenant: tenants[0].id, login: login, recordedSince: since.map(Self.midnightUTC),
                    payloadContainingAny: documents, limit: newest)
            } else {
                events = try tx.log.events(
                    ofTypes: [AccessLog.eventType], tenants: tenants.map(\.id), login: login, recordedSince: since.map(Self.midnightUTC))
            }
            let records = try events.compactMap { event -> (AccessRecord, Int64)? in
                let read = try AccessLog.decode(event)
                guard patient == nil || read.patientKey == patient else { return nil }
                let reason = (try? event.decodedMetadata().reason) ?? nil
                return (
                    AccessRecord(
                        practice: slugs[event.tenant] ?? "", recordedAt: event.recordedAt, login: event.dbUser, record: read.record,
                        reason: reason ?? read.purpose, sensitive: read.sensitive), event.position
                )
            }
            let sorted = records.sorted { ($0.0.recordedAt, $0.0.practice, $0.1) < ($1.0.recordedAt, $1.0.practice, $1.1) }.map(\.0)
            return newest.map { Array(sorted.suffix($0)) } ?? sorted
        }
    }
}
