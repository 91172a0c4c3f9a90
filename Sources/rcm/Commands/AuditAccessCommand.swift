import ArgumentParser
import EventStore
import Foundation
import Postgres

/// `rcm audit access`: who read which PHI, when and why.
struct AuditAccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "List PHI reads recorded in the log: who, which record, when, why, and whether it is a 42 CFR Part 2 record.",
        discussion: """
            Every command that shows PHI (a patient, a claim's details, a document) appends an access.phi_viewed \
            event first. Filter by patient key or by login; without --tenant, every practice this login may see.

            Examples:
              rcm audit access --patient pk-4f1c0a9e2b7d8c61 --tenant acme-counseling
              rcm audit access --user jdoe --since 2026-06-01 --format csv
            """
    )

    @Option(help: "A patient key.") var patient: String?
    @Option(help: "A login.") var user: String?
    @Option(help: "Only reads on or after this date (YYYY-MM-DD).") var since: String?
    @Option(help: "A tenant's slug or id.") var tenant: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func validate() throws {
        guard patient != nil || user != nil else { throw ValidationError("give --patient KEY or --user LOGIN") }
    }

    static let accessSQL = SQL(
        "audit_access",
        """
        SELECT t.slug, e.position, e.recorded_at, e.db_user, e.metadata ->> 'actor' AS actor, e.payload ->> 'record' AS record,
               coalesce(e.metadata ->> 'reason', e.payload ->> 'purpose') AS reason, (e.payload ->> 'sensitive')::boolean AS sensitive
        FROM rcm.events e JOIN rcm.tenants t USING (tenant_id)
        WHERE e.event_type = 'access.phi_viewed' AND e.tenant_id = ANY($1::uuid[])
          AND ($2::text IS NULL OR coalesce(e.payload ->> 'patientKey', e.payload ->> 'patient_key') = $2)
          AND ($3::text IS NULL OR e.db_user = $3)
          AND ($4::date IS NULL OR e.recorded_at >= $4::date)
        ORDER BY e.recorded_at, t.slug, e.position
        """)

    func run() async throws {
        try await reportingFailures {
            let name = tenant, patient = patient, user = user, since = since
            if let since, since.count != 10 { throw CommandError("--since is a date YYYY-MM-DD") }
            let connection = try await Connection.connect(DatabaseLocator.settings())
            let rows = try await connection.run { session -> [[String]] in
                let tenants = try TenantResolver.resolve(name, in: session).map { $0.id.description }
                let literal = "{" + tenants.joined(separator: ",") + "}"
                return try session.query(
                    Self.accessSQL, [SQLParameter(text: literal), patient.sqlParameter, user.sqlParameter, since.sqlParameter]
                ).rows.map { row in
                    let time: Date = try row.decode("recorded_at")
                    return [
                        try row.decode("slug"), PostgresTime.text(for: time), try row.decode("db_user"), try row.decode("record"),
                        try row.decodeIfPresent("reason", as: String.self) ?? "", (try row.decodeIfPresent("sensitive", as: Bool.self) ?? false) ? "part2" : "",
                    ]
                }
            }
            print(TableOutput(headers: ["practice", "recorded_at", "login", "record", "reason", "sensitivity"], rows: rows).render(format))
        }
    }
}
