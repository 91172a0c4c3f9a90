import Foundation
import Postgres

/// A seal of a tenant's log: its position and head hash at a moment, for the auditor to keep outside
/// the database. Verifying against it detects a truncated tail or a rewritten chain.
public struct Seal: Sendable, Codable, Equatable {
    /// Always `rcm-seal-1`.
    public let format: String
    /// The tenant.
    public let tenant: TenantID
    /// The tenant's slug, for people.
    public let slug: String
    /// The last position covered.
    public let position: Int64
    /// The hash at that position (hex).
    public let headHash: String
    /// When the seal was made (ISO 8601, UTC).
    public let sealedAt: String

    enum CodingKeys: String, CodingKey {
        case format, tenant, slug, position
        case headHash = "head_hash"
        case sealedAt = "sealed_at"
    }

    static let sealSQL = SQL(
        "seal_head",
        "SELECT h.position, h.head_hash, t.slug, clock_timestamp() AS now FROM rcm.log_heads h JOIN rcm.tenants t USING (tenant_id) WHERE h.tenant_id = $1"
    )

    /// Seals the tenant's log as it is now.
    public static func make(tenant: TenantID, in session: DatabaseSession) throws -> Seal {
        guard let row = try session.query(sealSQL, [tenant]).first else { throw EventStoreError.unknownTenant(tenant) }
        let hash: Data = try row.decode("head_hash")
        let now: Date = try row.decode("now")
        return Seal(
            format: "rcm-seal-1", tenant: tenant, slug: try row.decode("slug"), position: try row.decode("position"),
            headHash: hash.hexString, sealedAt: PostgresTime.text(for: now))
    }

    /// The seal as pretty JSON.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
