import Application
import Billing
import Foundation
import Hummingbird

/// How values cross the wire: money as decimal strings (`"150.00"`), dates as ISO 8601, ids as strings.
enum Wire {
    static func money(_ money: Money) -> String { money.description }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A required path parameter.
    static func parameter(_ name: String, _ context: ServerContext, maxLength: Int = 100) throws -> String {
        guard let value = context.parameters.get(name), !value.isEmpty, value.count <= maxLength else {
            throw Problem.invalid(name, "format", "\(name) must be 1 to \(maxLength) characters")
        }
        return value
    }

    /// A practice the principal may see, by slug or id, or a 404 that does not say whether it exists.
    static func practice(_ context: ServerContext, core: RevenueCycle) async throws -> Tenant {
        let name = try parameter("practice", context)
        let tenants = try await core.tenants()
        guard let tenant = tenants.first(where: { ($0.slug == name || $0.id.description == name) && $0.kind == .practice }) else {
            throw Problem.notFound("practice \(name)")
        }
        return tenant
    }

    /// A claim's JSON.
    static func claim(_ versioned: VersionedClaim) -> [String: Any] {
        let claim = versioned.claim
        return [
            "claimID": claim.claimID?.rawValue ?? "",
            "claimNumber": claim.claimNumber?.description ?? NSNull(),
            "status": claim.status.rawValue,
            "payerID": claim.payerID?.rawValue ?? NSNull(),
            "charges": money(claim.charges),
            "createdOn": claim.createdOn?.description ?? NSNull(),
            "firstSubmittedOn": claim.firstSubmittedOn?.description ?? NSNull(),
            "readyToSubmit": claim.readyToSubmit,
            "findings": claim.findings.map { ["rule": $0.ruleID, "severity": String(describing: $0.severity), "message": $0.message] },
            "version": versioned.version,
        ]
    }

    /// `"7"`, the ETag of a version.
    static func etag(_ version: Int64) -> String { "\"\(version)\"" }

    /// The version an `If-Match` names, nil when absent; a 400 when it is not an ETag of ours.
    static func ifMatch(_ request: Request) throws -> Int64? {
        guard let value = request.headers[.ifMatch] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("\""), trimmed.hasSuffix("\""), trimmed.count >= 3, let version = Int64(trimmed.dropFirst().dropLast()) else {
            throw Problem.invalid("If-Match", "format", "If-Match must be an ETag of this API, e.g. \"3\"")
        }
        return version
    }
}

extension Wire {
    /// A request body that must be an X12 interchange (at most 4 MiB), else a 400 naming `body`.
    static func x12(_ request: Request, context: ServerContext, kind: String) async throws -> [UInt8] {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        guard bytes.starts(with: Array("ISA".utf8)) else {
            throw Problem.invalid("body", "x12", "the body must be an X12 \(kind) interchange starting with ISA")
        }
        return bytes
    }
}
