-- The consistency log: one snapshot per revealed round (live or practice), computed
-- by maatstaf_core::report::SnapshotRecord and never changed afterwards. `record` is
-- the record's JSON; `sha256` its canonical hash, also carried by the ledger entry.
CREATE TABLE consistency_snapshots (
    id             INTEGER PRIMARY KEY,
    team_id        INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    round          INTEGER NOT NULL CHECK (round >= 1),
    practice       INTEGER NOT NULL CHECK (practice IN (0, 1)),
    rubric_version INTEGER NOT NULL CHECK (rubric_version >= 1),
    rubric_sha256  TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    record         TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    UNIQUE (team_id, practice, round)
) STRICT;

CREATE TRIGGER consistency_snapshots_are_final_update BEFORE UPDATE ON consistency_snapshots
BEGIN
    SELECT RAISE(ABORT, 'consistency snapshots are never changed');
END;

-- Deleting the team (and with it, by cascade, its snapshots) is the only way out.
CREATE TRIGGER consistency_snapshots_are_final_delete BEFORE DELETE ON consistency_snapshots
WHEN EXISTS (SELECT 1 FROM teams WHERE id = OLD.team_id)
BEGIN
    SELECT RAISE(ABORT, 'consistency snapshots are never changed');
END;
