-- Foundation: schemas for the product. Group roles are cluster-wide and come from the bootstrap
-- (Scripts/db start, rcm admin bootstrap); migrations only grant to them.
CREATE SCHEMA IF NOT EXISTS rcm;
GRANT USAGE ON SCHEMA rcm TO rcm_staff, rcm_auditor;
