-- Role bootstrap: the cluster-wide group roles of RevenueCycle. Idempotent; run as a superuser
-- (Scripts/db start does it locally; `rcm admin bootstrap` against a production server).
-- Group roles never log in; each person logs in as their own role, a member of exactly one group. The one
-- exception is rcm_owner (decision 0006/0013): Citus opens its connections to the workers as the current
-- user, and migrations run as the owner, so it is a login without a password; the operator lets it in from
-- the coordinator only (pg_hba), never from anywhere else.
DO $bootstrap$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rcm_owner') THEN
        CREATE ROLE rcm_owner LOGIN;
    ELSE
        ALTER ROLE rcm_owner LOGIN;
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
    -- The server's login (decision 0006): NOINHERIT, so it holds no privilege of its own; it is made a
    -- member of each person role (and API key role) enabled for the server, and acts as one of them per
    -- transaction with set_config('role', …, true). No password: the operator lets it in from the server's host.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rcm_server') THEN
        CREATE ROLE rcm_server LOGIN NOINHERIT;
    END IF;
END
$bootstrap$;
COMMENT ON ROLE rcm_owner IS 'RevenueCycle: owns the schema, migrations and administration';
COMMENT ON ROLE rcm_staff IS 'RevenueCycle: billing staff, the daily work, limited to assigned practices';
COMMENT ON ROLE rcm_auditor IS 'RevenueCycle: reads the log and the audit trail';
COMMENT ON ROLE rcm_analyst IS 'RevenueCycle: reads the analyst schema';
COMMENT ON ROLE rcm_server IS 'RevenueCycle: rcm serve; acts only as the person or API key of each request';

-- Administrators (members of rcm_owner) may turn on statement logging for analyst logins
-- (ALTER ROLE … SET log_statement = 'all'), which otherwise needs a superuser.
GRANT SET ON PARAMETER log_statement TO rcm_owner;

-- pgaudit (preloaded by Scripts/db; the operator's postgresql.conf in production): administrators set the audit of
-- SQL reads per login (rcm.create_login gives auditor and analyst logins pgaudit.log = 'read').
GRANT SET ON PARAMETER pgaudit.log, pgaudit.log_relation TO rcm_owner;

-- On Citus (run in the database that has the extension), the same grant on every worker: parameter
-- privileges are not propagated by Citus.
DO $workers$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM run_command_on_workers('GRANT SET ON PARAMETER log_statement, pgaudit.log, pgaudit.log_relation TO rcm_owner');
    END IF;
END
$workers$;
