-- Role bootstrap: the cluster-wide group roles of RevenueCycle. Idempotent; run as a superuser
-- (Scripts/db start does it locally; `rcm admin bootstrap` against a production server).
-- Group roles never log in; each person logs in as their own role, a member of exactly one group.
DO $bootstrap$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rcm_owner') THEN
        CREATE ROLE rcm_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rcm_staff') THEN
        CREATE ROLE rcm_staff NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rcm_auditor') THEN
        CREATE ROLE rcm_auditor NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rcm_analyst') THEN
        CREATE ROLE rcm_analyst NOLOGIN;
    END IF;
END
$bootstrap$;
COMMENT ON ROLE rcm_owner IS 'RevenueCycle: owns the schema, migrations and administration';
COMMENT ON ROLE rcm_staff IS 'RevenueCycle: billing staff, the daily work, limited to assigned practices';
COMMENT ON ROLE rcm_auditor IS 'RevenueCycle: reads the log and the audit trail';
COMMENT ON ROLE rcm_analyst IS 'RevenueCycle: reads the analyst schema';

-- Administrators (members of rcm_owner) may turn on statement logging for analyst logins
-- (ALTER ROLE … SET log_statement = 'all'), which otherwise needs a superuser.
GRANT SET ON PARAMETER log_statement TO rcm_owner;
