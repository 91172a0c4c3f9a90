-- The server's Idempotency-Key records (docs/decisions/0010-api-resources-and-idempotency.md): per practice and
-- acting role (a person or an API key), the SHA-256 of the first request sent with the key and, once it
-- succeeded, its response. A retry with the same request gets that response; a different request with the same
-- key is refused (422); a retry while the first still runs waits for it. The response is the server's own
-- rendering of what the core returned (no identity: bodies that carry PHI are never kept, see the decision).
CREATE TABLE rcm.api_idempotency (
    tenant_id      uuid NOT NULL REFERENCES rcm.tenants (tenant_id),
    role           text NOT NULL DEFAULT rcm.acting_role(),
    idem_key       text NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 200),
    request_sha256 text NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
    status         integer CHECK (status BETWEEN 200 AND 299),
    content_type   text,
    body           bytea,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    completed_at   timestamptz,
    PRIMARY KEY (tenant_id, role, idem_key)
);
ALTER TABLE rcm.api_idempotency ENABLE ROW LEVEL SECURITY;
-- A role sees and writes only its own keys, in the practices it may see.
CREATE POLICY api_idempotency_own ON rcm.api_idempotency FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND role = rcm.acting_role())
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND role = rcm.acting_role());
GRANT SELECT, INSERT, UPDATE, DELETE ON rcm.api_idempotency TO rcm_staff;
