import EventStore
import Foundation
import Postgres

/// A response kept for an `Idempotency-Key` (Schema/V0012__api_idempotency.sql).
public struct StoredResponse: Sendable, Equatable {
    /// The HTTP status (2xx: only successes are kept).
    public var status: Int
    /// Its content type.
    public var contentType: String
    /// Its body.
    public var body: [UInt8]

    /// A response.
    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// What a request with an `Idempotency-Key` may do.
public enum IdempotencyClaim: Sendable, Equatable {
    /// The key is new (or its first request failed or was abandoned): run the request, then `completeIdempotencyKey`
    /// or `releaseIdempotencyKey`.
    case run
    /// The same request succeeded already: answer this.
    case replay(StoredResponse)
    /// The key was used for a different request.
    case mismatch
    /// The first request with the key is still running (after waiting `wait`).
    case inProgress
}

/// The server's idempotency records, per practice and acting role (decision 0010). A first request claims
/// the key in a transaction of its own and runs; a concurrent retry waits for its result. The record and the
/// command commit separately, so a server killed between them leaves the key claimed without a result: after
/// `abandonAfter` a retry runs the request again, where the command's own guards (the log's idempotency key of a
/// session, the claim's `If-Match`) keep it from acting twice.
extension RevenueCycle {
    static let claimKeySQL = SQL(
        "idempotency_claim",
        """
        INSERT INTO rcm.api_idempotency (tenant_id, idem_key, request_sha256) VALUES ($1, $2, $3)
        ON CONFLICT DO NOTHING RETURNING idem_key
        """)
    static let readKeySQL = SQL(
        "idempotency_read",
        """
        SELECT request_sha256, status, content_type, body,
               (status IS NULL AND created_at < now() - make_interval(secs => $3)) AS abandoned
        FROM rcm.api_idempotency WHERE tenant_id = $1 AND role = rcm.acting_role() AND idem_key = $2
        """)
    static let takeOverSQL = SQL(
        "idempotency_take_over",
        """
        UPDATE rcm.api_idempotency SET created_at = now()
        WHERE tenant_id = $1 AND role = rcm.acting_role() AND idem_key = $2 AND status IS NULL
          AND created_at < now() - make_interval(secs => $3)
        RETURNING idem_key
        """)
    static let completeKeySQL = SQL(
        "idempotency_complete",
        """
        UPDATE rcm.api_idempotency SET status = $3, content_type = $4, body = $5, completed_at = now()
        WHERE tenant_id = $1 AND role = rcm.acting_role() AND idem_key = $2 AND status IS NULL
        """)
    /// Through the owner's function: staff hold no DELETE on the shared table (V0015).
    static let releaseKeySQL = SQL("idempotency_release", "SELECT rcm.release_idempotency_key($1, $2) AS released")

    /// Claims `key` for a request whose canonical form hashes to `requestSHA256`, in the practice `tenant`, as the
    /// acting role; waits up to `wait` for a first request still running.
    public func claimIdempotencyKey(
        _ key: String, requestSHA256: String, tenant: TenantID, wait: Duration = .seconds(30), abandonAfter: Duration = .seconds(60)
    ) async throws -> IdempotencyClaim {
        let backend = try postgres
        let abandonSeconds = Int(abandonAfter.components.seconds)
        let deadline = ContinuousClock.now.advanced(by: wait)
        while true {
            let claim: IdempotencyClaim? = try await backend.withTransaction { session in
                if try session.query(Self.claimKeySQL, [tenant, key, requestSHA256]).first != nil { return .run }
                guard let row = try session.query(Self.readKeySQL, [tenant, key, abandonSeconds]).first else { return .run }
                guard try row.decode("request_sha256", as: String.self) == requestSHA256 else { return .mismatch }
                if let status: Int = try row.decodeIfPresent("status") {
                    return .replay(
                        StoredResponse(
                            status: status, contentType: try row.decodeIfPresent("content_type") ?? "application/json",
                            body: Array(try row.decodeIfPresent("body", as: Data.self) ?? Data())))
                }
                if try row.decode("abandoned", as: Bool.self), try session.query(Self.takeOverSQL, [tenant, key, abandonSeconds]).first != nil {
                    return .run
                }
                return nil
            }
            if let claim { return claim }
            guard ContinuousClock.now < deadline else { return .inProgress }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Keeps the successful response of the request that claimed `key`.
    public func completeIdempotencyKey(_ key: String, tenant: TenantID, response: StoredResponse) async throws {
        try await postgres.withTransaction { session in
            _ = try session.query(Self.completeKeySQL, [tenant, key, response.status, response.contentType, response.body])
        }
    }

    /// Frees `key` after its request failed, so that a retry runs it again.
    public func releaseIdempotencyKey(_ key: String, tenant: TenantID) async throws {
        try await postgres.withTransaction { session in _ = try session.query(Self.releaseKeySQL, [tenant, key]) }
    }
}
