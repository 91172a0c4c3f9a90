import Postgres

/// What a tenant is: the billing company's own tenant, or one client practice (`rcm.tenants.kind`).
public enum TenantKind: String, Sendable, Hashable, Codable, CaseIterable, SQLBindable, SQLDecodable {
    /// The billing company (exactly one).
    case company
    /// A client practice.
    case practice

    /// Bound as its stored text.
    public var sqlParameter: SQLParameter { rawValue.sqlParameter }

    /// Read from its stored text.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        self.init(rawValue: String(decoding: bytes, as: UTF8.self))
    }
}
