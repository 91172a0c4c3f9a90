-- The alerts analyst table (issue 14): the current alerts of every practice, as `rcm alerts list` works them out on
-- a business date (authorizations, coverages ending, timely filing, appeal windows, stale eligibility). Alerts
-- depend on the date as much as on the log, so the table is not folded from events: `rcm projections rebuild`
-- replaces each practice's rows with the alerts as of that day (`as_of`), after the switch. Tenant in the key,
-- row-level security by tenant like every projection table (docs/decisions/0005); analysts read rcm_analytics.alerts.
-- No names: the patient is its pseudonymous key; detail holds payer ids, dates and amounts only.
CREATE TABLE rcm_analytics_store.alerts (
    tenant_id    uuid    NOT NULL,
    ordinal      integer NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('authorization', 'coverageEnding', 'timelyFiling', 'appealWindow',
                                                  'staleEligibility')),
    patient_key  text    NOT NULL,
    subject      text    NOT NULL,
    deadline     date    NOT NULL,
    detail       text    NOT NULL,
    resolve_with text    NOT NULL,
    as_of        date    NOT NULL,
    PRIMARY KEY (tenant_id, ordinal)
);
CREATE INDEX alerts_by_deadline ON rcm_analytics_store.alerts (tenant_id, deadline);

SELECT rcm_analytics_store.secure('alerts');

CREATE VIEW rcm_analytics.alerts WITH (security_invoker = true) AS
    SELECT * FROM rcm_analytics_store.alerts;
REVOKE ALL ON rcm_analytics.alerts FROM PUBLIC;
GRANT SELECT ON rcm_analytics.alerts TO rcm_analyst, rcm_staff, rcm_auditor;
