-- A team's rubrics. Each row is one version; a version is editable until it is
-- frozen (sha256 of the canonical form recorded), then never again: an edit
-- makes the next version.
CREATE TABLE rubric_versions (
    id                INTEGER PRIMARY KEY,
    team_id           INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    rubric_key        TEXT NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    source_toml       TEXT NOT NULL,
    sha256            TEXT,
    frozen_at         TEXT,
    -- Lint warnings the team accepted when freezing, each with its reason (JSON array).
    accepted_warnings TEXT NOT NULL DEFAULT '[]',
    created_at        TEXT NOT NULL,
    UNIQUE (team_id, rubric_key, version),
    CHECK ((sha256 IS NULL) = (frozen_at IS NULL))
) STRICT;

CREATE TRIGGER rubric_versions_frozen_are_final BEFORE UPDATE ON rubric_versions
WHEN OLD.frozen_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a frozen rubric version cannot change');
END;
