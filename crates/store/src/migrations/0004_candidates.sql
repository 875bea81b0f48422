-- What is assessed, apart from who it is about. Identity fields beyond the name
-- are optional (collect little); material is proposed for redaction, reviewed by
-- the secretary, then frozen with the SHA-256 of the blinded text.
ALTER TABLE candidate_identities ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
ALTER TABLE candidate_identities ADD COLUMN contact TEXT;
ALTER TABLE candidate_identities ADD COLUMN birth_date TEXT;
ALTER TABLE candidate_identities ADD COLUMN birth_place TEXT;
ALTER TABLE candidate_identities ADD COLUMN extra TEXT NOT NULL DEFAULT '[]';

CREATE TABLE candidate_material (
    id             INTEGER PRIMARY KEY,
    candidate_id   INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    -- written_answer | motivation | cv_summary | work_sample (maatstaf_core::scoring::SectionKind)
    kind           TEXT NOT NULL CHECK (kind IN ('written_answer', 'motivation', 'cv_summary', 'work_sample')),
    criterion      TEXT,
    original_text  TEXT NOT NULL,
    -- The redactions the secretary accepted or added (JSON array of maatstaf_core::blinding::Redaction).
    redactions     TEXT NOT NULL DEFAULT '[]',
    blinded_text   TEXT,
    blinded_sha256 TEXT,
    frozen_at      TEXT,
    created_at     TEXT NOT NULL,
    CHECK (kind <> 'written_answer' OR criterion IS NOT NULL),
    CHECK ((frozen_at IS NULL) = (blinded_sha256 IS NULL) AND (frozen_at IS NULL) = (blinded_text IS NULL))
) STRICT;
CREATE INDEX candidate_material_by_candidate ON candidate_material (candidate_id);

CREATE TRIGGER candidate_material_frozen_is_final BEFORE UPDATE ON candidate_material
WHEN OLD.frozen_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'frozen blinded material cannot change');
END;
