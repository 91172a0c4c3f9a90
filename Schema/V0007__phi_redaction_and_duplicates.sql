-- Destruction that destroys (issue 20, docs/decisions/0007-destroying-phi.md): a patient forget redacts the
-- patient's identifiers out of the raw X12 files that mention them; the file keeps its row and the SHA-256 the
-- log refers to, and says when it was redacted. Duplicate patients are found by comparing member ids inside
-- the PHI store, by index.
ALTER TABLE rcm_phi.x12_files ADD COLUMN redacted_at timestamptz;
COMMENT ON COLUMN rcm_phi.x12_files.redacted_at IS 'When a patient forget last took identifiers out of bytes (sha256 stays the received file''s).';
GRANT UPDATE (bytes, redacted_at) ON rcm_phi.x12_files TO rcm_staff;

CREATE INDEX patient_identities_member ON rcm_phi.patient_identities (tenant_id, member_id) WHERE member_id <> '';
