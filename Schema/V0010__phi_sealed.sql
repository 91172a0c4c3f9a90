-- PHI sealed at rest (issue 24, docs/decisions/0009-sealing-phi.md). Each practice has a data key, stored
-- here only wrapped by the operator's key-encryption key (which never enters the database). Identities and
-- raw X12 files are sealed with AES-256-GCM under that data key; lookups (member id, name and birth date)
-- and the files a patient appears in are found by keyed hashes, never by clear values. Offboarding deletes
-- the data key, which leaves every sealed record of the practice unreadable, in backups too.
CREATE TABLE rcm_phi.data_keys (
    tenant_id    uuid PRIMARY KEY REFERENCES rcm.tenants (tenant_id),
    wrapped_key  bytea NOT NULL,
    kek_id       text NOT NULL CHECK (kek_id ~ '^kek-[0-9a-f]{16}$'),
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    rewrapped_at timestamptz
);
COMMENT ON TABLE rcm_phi.data_keys IS 'PHI keys: each practice''s AES-256 data key, wrapped under the operator''s key-encryption key (kek_id names it).';

ALTER TABLE rcm_phi.data_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY data_keys_by_tenant ON rcm_phi.data_keys FOR ALL
    USING (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT rcm.acts_in('rcm_auditor'))
    WITH CHECK (tenant_id = ANY ((SELECT rcm.accessible_tenants())::uuid[]) AND NOT rcm.acts_in('rcm_auditor'));
REVOKE ALL ON rcm_phi.data_keys FROM PUBLIC;
GRANT SELECT, INSERT ON rcm_phi.data_keys TO rcm_staff;

-- Identities: one sealed record; the clear columns stay only for rows written before this migration, until
-- `rcm admin keys rotate` seals them (it empties them as it goes).
ALTER TABLE rcm_phi.patient_identities
    ALTER COLUMN first_name DROP NOT NULL, ALTER COLUMN last_name DROP NOT NULL, ALTER COLUMN date_of_birth DROP NOT NULL,
    ALTER COLUMN address DROP NOT NULL, ALTER COLUMN phone DROP NOT NULL, ALTER COLUMN member_id DROP NOT NULL,
    ADD COLUMN sealed bytea,
    ADD COLUMN member_index text,
    ADD COLUMN name_index text;
COMMENT ON COLUMN rcm_phi.patient_identities.sealed IS 'PHI sealed: the identity, AES-256-GCM under the practice''s data key.';
COMMENT ON COLUMN rcm_phi.patient_identities.member_index IS 'Keyed hash (HMAC under the practice''s data key) of the member id, for duplicate checks.';
COMMENT ON COLUMN rcm_phi.patient_identities.name_index IS 'Keyed hash of first and last name and date of birth, for duplicate checks.';
ALTER TABLE rcm_phi.patient_identities ALTER COLUMN address SET DEFAULT NULL, ALTER COLUMN phone SET DEFAULT NULL,
    ALTER COLUMN member_id SET DEFAULT NULL;
DROP INDEX rcm_phi.patient_identities_member;
CREATE INDEX patient_identities_member_index ON rcm_phi.patient_identities (tenant_id, member_index) WHERE member_index IS NOT NULL;

-- Raw X12 files: `bytes` holds the sealed file when `sealed`; `mentions` holds keyed hashes of the names and
-- ids of the people the file names (X12Mentions), so a forget opens only the files that mention the patient.
ALTER TABLE rcm_phi.x12_files
    ADD COLUMN sealed boolean NOT NULL DEFAULT false,
    ADD COLUMN mentions text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN rcm_phi.x12_files.sealed IS 'Whether bytes is sealed (AES-256-GCM under the practice''s data key); false only for files kept before V0010.';
COMMENT ON COLUMN rcm_phi.x12_files.mentions IS 'Keyed hashes of the last names and ids of the people the file names (NM1 IL/QC/74).';
CREATE INDEX x12_files_mentions ON rcm_phi.x12_files USING gin (mentions);
GRANT UPDATE (bytes, sealed, mentions, redacted_at) ON rcm_phi.x12_files TO rcm_staff;
