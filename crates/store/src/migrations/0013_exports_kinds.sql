-- Personal copies and the processing record are saved files too: the app lists them
-- with the others, so they can be deleted again (and proposed for deletion when the
-- formation closes). SQLite cannot change a CHECK in place: the table is copied.
CREATE TABLE exports_new (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('logboek', 'logboek_with_names', 'comparison',
                                                'rubric', 'personal_copy', 'processing_record')),
    path       TEXT    NOT NULL CHECK (length(path) > 0),
    created_at TEXT    NOT NULL
) STRICT;
INSERT INTO exports_new (id, team_id, kind, path, created_at)
    SELECT id, team_id, kind, path, created_at FROM exports;
DROP TABLE exports;
ALTER TABLE exports_new RENAME TO exports;
CREATE INDEX exports_by_team ON exports (team_id, id);
