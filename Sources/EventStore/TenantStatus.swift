import Postgres

/// Whether a tenant is served (`rcm.tenants.status`).
public enum TenantStatus: String, Sendable, Hashable, Codable, CaseIterable, SQLBindable, SQLDecodable {
    /// Served: its log takes appends.
    case active
    /// Offboarded: its PHI destroyed, its log kept.
    case offboarded

    /// Bound as its stored text.
    public var sqlParameter: SQLParameter { rawValue.sqlParameter }

    /// Read from its stored text.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        self.init(rawValue: String(decoding: bytes, as: UTF8.self))
    }
}
