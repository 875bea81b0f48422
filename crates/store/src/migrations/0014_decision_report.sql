-- The decision report (issue 21). A member's dissent note, recorded before the
-- decision and never replaced: one per member; the name is kept as it was then, so
-- the report can print it even if the member leaves the team later.
CREATE TABLE dissents (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL,
    member_name TEXT    NOT NULL,
    text        TEXT    NOT NULL CHECK (length(text) > 0),
    created_at  TEXT    NOT NULL,
    UNIQUE (team_id, member_id)
) STRICT;
CREATE TRIGGER dissents_are_kept BEFORE UPDATE ON dissents
BEGIN
    SELECT RAISE(ABORT, 'a dissent note is never changed');
END;

-- The integrity track as the report shows it: that the burgemeester's risicoanalyse
-- was done for a chosen candidate, never what it found.
CREATE TABLE risk_analyses (
    team_id        INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    candidate_code TEXT    NOT NULL,
    done_at        TEXT    NOT NULL,
    PRIMARY KEY (team_id, candidate_code)
) STRICT;

-- A saved report is listed with the other files.
CREATE TABLE exports_new (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('logboek', 'logboek_with_names', 'comparison',
                                                'rubric', 'personal_copy', 'processing_record',
                                                'report', 'report_with_names')),
    path       TEXT    NOT NULL CHECK (length(path) > 0),
    created_at TEXT    NOT NULL
) STRICT;
INSERT INTO exports_new (id, team_id, kind, path, created_at)
    SELECT id, team_id, kind, path, created_at FROM exports;
DROP TABLE exports;
ALTER TABLE exports_new RENAME TO exports;
CREATE INDEX exports_by_team ON exports (team_id, id);
