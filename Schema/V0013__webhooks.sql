-- Webhook subscriptions and their delivery state (decision 0010, docs/api.md "Webhooks"): per practice, in
-- the database so a restart of the server loses nothing. Each subscription delivers its practice's events in
-- position order, one at a time: `cursor` is the last position handled (delivered or parked), `attempts`
-- and `next_attempt_at` the retry state of the next one. Every attempt is recorded; an event that failed
-- for the give-up horizon (48 hours) is parked in the dead-letter list, from which a person replays it.
-- Tenant data: tenant_id leads every key; row-level security as every tenant table (decision 0005).

CREATE TABLE rcm.webhook_subscriptions (
    tenant_id        uuid        NOT NULL REFERENCES rcm.tenants (tenant_id),
    subscription_id  uuid        NOT NULL,
    url              text        NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
    event_types      text[]      NOT NULL DEFAULT '{}',
    secret           text        NOT NULL CHECK (length(secret) BETWEEN 32 AND 200),
    owner_role       text        NOT NULL DEFAULT rcm.acting_role(),
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    deleted_at       timestamptz,
    cursor           bigint      NOT NULL CHECK (cursor >= 0),
    attempts         integer     NOT NULL DEFAULT 0,
    first_failure_at timestamptz,
    next_attempt_at  timestamptz NOT NULL DEFAULT '-infinity',
    PRIMARY KEY (tenant_id, subscription_id)
);
CREATE INDEX webhook_subscriptions_due ON rcm.webhook_subscriptions (next_attempt_at) WHERE deleted_at IS NULL;

CREATE TABLE rcm.webhook_attempts (
    tenant_id       uuid        NOT NULL,
    attempt_id      uuid        NOT NULL DEFAULT gen_random_uuid(),
    subscription_id uuid        NOT NULL,
    position        bigint      NOT NULL,
    attempted_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    status_code     integer,
    outcome         text        NOT NULL CHECK (outcome IN ('delivered', 'failed', 'parked')),
    error           text        CHECK (length(error) <= 500),
    PRIMARY KEY (tenant_id, attempt_id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES rcm.webhook_subscriptions (tenant_id, subscription_id)
);
CREATE INDEX webhook_attempts_by_event ON rcm.webhook_attempts (tenant_id, subscription_id, position);

CREATE TABLE rcm.webhook_dead_letters (
    tenant_id       uuid        NOT NULL,
    subscription_id uuid        NOT NULL,
    position        bigint      NOT NULL,
    parked_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    state           text        NOT NULL DEFAULT 'parked' CHECK (state IN ('parked', 'replaying', 'delivered')),
    replayed_by     text,
    PRIMARY KEY (tenant_id, subscription_id, position),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES rcm.webhook_subscriptions (tenant_id, subscription_id)
);

ALTER TABLE rcm.webhook_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm.webhook_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE rcm.webhook_dead_letters ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_subscriptions_by_tenant ON rcm.webhook_subscriptions FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));
CREATE POLICY webhook_attempts_by_tenant ON rcm.webhook_attempts FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));
CREATE POLICY webhook_dead_letters_by_tenant ON rcm.webhook_dead_letters FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]));

-- Staff manage subscriptions of their practices but never read a secret back (shown once, at creation):
-- the column is withheld; the delivery worker reads it through rcm.webhooks_due below.
REVOKE ALL ON rcm.webhook_subscriptions, rcm.webhook_attempts, rcm.webhook_dead_letters FROM PUBLIC;
GRANT SELECT (tenant_id, subscription_id, url, event_types, owner_role, created_at, deleted_at, cursor, attempts,
              first_failure_at, next_attempt_at)
    ON rcm.webhook_subscriptions TO rcm_staff, rcm_auditor;
GRANT INSERT (tenant_id, subscription_id, url, event_types, secret, cursor) ON rcm.webhook_subscriptions TO rcm_staff;
GRANT UPDATE (deleted_at, cursor, attempts, first_failure_at, next_attempt_at) ON rcm.webhook_subscriptions TO rcm_staff;
GRANT SELECT, INSERT ON rcm.webhook_attempts TO rcm_staff;
GRANT SELECT ON rcm.webhook_attempts, rcm.webhook_dead_letters TO rcm_auditor;
GRANT SELECT, INSERT, UPDATE ON rcm.webhook_dead_letters TO rcm_staff;

-- The delivery worker's list (rcm serve's own login, outside any person's role): live subscriptions whose
-- next attempt is due and that have something to deliver (an event past the cursor, or a replay asked for),
-- with the role each delivery acts as and the signing secret. Only the server's login may call it.
CREATE FUNCTION rcm.webhooks_due(p_limit integer)
RETURNS TABLE (tenant_id uuid, subscription_id uuid, owner_role text, url text, secret text, event_types text[],
               cursor bigint, attempts integer, first_failure_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
BEGIN
    IF rcm.acting_role() <> 'rcm_server' AND NOT rcm.acts_in('rcm_owner') THEN
        RAISE EXCEPTION 'only the server delivers webhooks' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT s.tenant_id, s.subscription_id, s.owner_role, s.url, s.secret, s.event_types, s.cursor, s.attempts,
               s.first_failure_at
        FROM rcm.webhook_subscriptions s JOIN rcm.log_heads h ON h.tenant_id = s.tenant_id
        WHERE s.deleted_at IS NULL AND s.next_attempt_at <= clock_timestamp()
          AND (h.position > s.cursor
               OR EXISTS (SELECT 1 FROM rcm.webhook_dead_letters d
                          WHERE d.tenant_id = s.tenant_id AND d.subscription_id = s.subscription_id
                            AND d.state = 'replaying'))
        ORDER BY s.next_attempt_at, s.tenant_id, s.subscription_id
        LIMIT p_limit;
END
$$;
REVOKE ALL ON FUNCTION rcm.webhooks_due(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.webhooks_due(integer) TO rcm_server;

-- Projection lag for /metrics: per tenant and consumer, the log head minus the consumer's checkpoint. Slugs
-- and counts only (no data); callable by the server's login, which otherwise sees no tenant.
CREATE FUNCTION rcm.projection_lag() RETURNS TABLE (tenant text, consumer text, events bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, rcm AS $$
    SELECT t.slug, c.consumer, greatest(0, h.position - c.position)
    FROM rcm.checkpoints c JOIN rcm.tenants t ON t.tenant_id = c.tenant_id JOIN rcm.log_heads h ON h.tenant_id = c.tenant_id
    ORDER BY t.slug, c.consumer
$$;
REVOKE ALL ON FUNCTION rcm.projection_lag() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rcm.projection_lag() TO rcm_server;
