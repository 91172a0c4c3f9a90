import Crypto
import Foundation

/// One embedded SQL migration: its version number, file name, text and checksum.
public struct Migration: Sendable, Equatable {
    /// The number in the file name (`V0001__foundation.sql` → 1).
    public let version: Int
    /// The file name, e.g. `V0001__foundation.sql`.
    public let fileName: String
    /// The SQL text, as written in the file.
    public let sql: String
    /// The SHA-256 of the file's bytes, in lower-case hex.
    public let checksum: String

    /// Makes a migration from a file's name and bytes. The name must be `V<number>__<words>.sql`.
    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.sql = String(decoding: bytes, as: UTF8.self)
        self.checksum = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let digits = fileName.dropFirst().prefix { $0.isNumber }
        guard fileName.hasPrefix("V"), let version = Int(digits), fileName.hasSuffix(".sql") else {
            preconditionFailure("migration file \(fileName) is not named V<number>__<name>.sql")
        }
        self.version = version
    }
}

extension Migration {
    /// Every migration embedded in the binary, in order. A test checks that this list and the
    /// `Schema/V*.sql` files agree.
    public static let all: [Migration] = [
        Migration(fileName: "V0001__foundation.sql", bytes: PackageResources.V0001__foundation_sql),
        Migration(fileName: "V0002__event_store.sql", bytes: PackageResources.V0002__event_store_sql),
        Migration(fileName: "V0003__phi_store_and_access.sql", bytes: PackageResources.V0003__phi_store_and_access_sql),
        Migration(fileName: "V0004__projections.sql", bytes: PackageResources.V0004__projections_sql),
        Migration(fileName: "V0005__event_key_style.sql", bytes: PackageResources.V0005__event_key_style_sql),
        Migration(
            fileName: "V0006__index_and_remittance_projections.sql",
            bytes: PackageResources.V0006__index_and_remittance_projections_sql),
        Migration(
            fileName: "V0007__phi_redaction_and_duplicates.sql",
            bytes: PackageResources.V0007__phi_redaction_and_duplicates_sql),
        Migration(fileName: "V0008__acting_role.sql", bytes: PackageResources.V0008__acting_role_sql),
        Migration(fileName: "V0009__server_credentials.sql", bytes: PackageResources.V0009__server_credentials_sql),
        Migration(fileName: "V0010__phi_sealed.sql", bytes: PackageResources.V0010__phi_sealed_sql),
        Migration(fileName: "V0011__alerts_table.sql", bytes: PackageResources.V0011__alerts_table_sql),
        Migration(fileName: "V0012__api_idempotency.sql", bytes: PackageResources.V0012__api_idempotency_sql),
        Migration(fileName: "V0013__webhooks.sql", bytes: PackageResources.V0013__webhooks_sql),
        Migration(fileName: "V0014__second_factor.sql", bytes: PackageResources.V0014__second_factor_sql),
        Migration(fileName: "V0015__write_path_closed.sql", bytes: PackageResources.V0015__write_path_closed_sql),
        Migration(fileName: "V0016__citus_ready.sql", bytes: PackageResources.V0016__citus_ready_sql),
        Migration(fileName: "V0017__console_sessions_and_idle_policy.sql", bytes: PackageResources.V0017__console_sessions_and_idle_policy_sql),
        Migration(fileName: "V0018__passkeys.sql", bytes: PackageResources.V0018__passkeys_sql),
        Migration(fileName: "V0019__totp_sealed.sql", bytes: PackageResources.V0019__totp_sealed_sql),
        Migration(fileName: "V0020__ar_open_rollup.sql", bytes: PackageResources.V0020__ar_open_rollup_sql),
        Migration(fileName: "V0021__aging_history.sql", bytes: PackageResources.V0021__aging_history_sql),
        Migration(fileName: "V0022__citus_plannable_functions.sql", bytes: PackageResources.V0022__citus_plannable_functions_sql),
        Migration(fileName: "V0023__bulk_import.sql", bytes: PackageResources.V0023__bulk_import_sql),
    ]

    /// The role bootstrap (cluster-wide group roles), run by `rcm admin bootstrap` and `Scripts/db start`.
    public static let bootstrapSQL = String(decoding: PackageResources.bootstrap_sql, as: UTF8.self)
}
