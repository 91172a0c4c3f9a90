import Billing
import EventStore
import Foundation
import Postgres

extension PostgresPHI {
    /// Many identities of one practice through the PHI store's bulk read function (V0023), which checks the practice
    /// and records each read (`access.phi_viewed` per patient, unless this transaction recorded it already) in one call.
    static let selectManySQL = SQL(
        "phi_identities_select",
        """
        SELECT patient_key, sealed, first_name, last_name, dob, address, phone, member_id, subscriber_id, wrapped_key, kek_id
        FROM rcm_phi.read_identities($1, $2::text[], $3)
        """)

    /// The keys asked per call: a 10,000-patient file is a few calls, each a bounded statement.
    static let bulkChunk = 2_000

    static func identities(_ patientKeys: [PatientKey], tenant: TenantID, keys: PostgresDataKeys, in session: DatabaseSession) throws
        -> [PatientKey: PatientIdentity]
    {
        var seen = Set<PatientKey>()
        let unique = patientKeys.filter { seen.insert($0).inserted }
        var found: [PatientKey: PatientIdentity] = [:]
        found.reserveCapacity(unique.count)
        var start = 0
        while start < unique.count {
            let chunk = unique[start..<min(start + bulkChunk, unique.count)]
            start += bulkChunk
            let rows = try session.query(selectManySQL, [tenant, SQLParameter.textArray(chunk.map(\.rawValue)), productPurpose]).rows
            for row in rows {
                let key = PatientKey(try row.decode("patient_key", as: String.self))
                found[key] = try identity(of: row, key: key, tenant: tenant, keys: keys, in: session)
            }
        }
        return found
    }
}
