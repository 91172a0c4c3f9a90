import Foundation
import Postgres

/// The id of a tenant: one client practice, or the billing company's own tenant.
public struct TenantID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible, SQLBindable, SQLDecodable {
    /// The UUID.
    public let rawValue: UUID

    /// Wraps a UUID.
    public init(_ rawValue: UUID) { self.rawValue = rawValue }

    /// Parses the canonical text form.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.rawValue = uuid
    }

    /// The lower-case canonical text, as PostgreSQL prints a `uuid`.
    public var description: String { rawValue.uuidString.lowercased() }

    /// Bound as text.
    public var sqlParameter: SQLParameter { rawValue.sqlParameter }

    /// Read from a `uuid` column.
    public init?(sqlText bytes: UnsafeBufferPointer<UInt8>) {
        guard let uuid = UUID(sqlText: bytes) else { return nil }
        self.rawValue = uuid
    }

    /// Ordered by text.
    public static func < (lhs: TenantID, rhs: TenantID) -> Bool { lhs.description < rhs.description }

    /// Encoded as its text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a tenant id"))
        }
        self.rawValue = uuid
    }

    /// Encoded as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
