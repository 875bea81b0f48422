-- Files the app wrote for a team (logboek, comparison sheet, rubric), where the user
-- chose to save them: the app lists them again with their folder. Only the place and
-- the kind; what was in the file is in the team's log.
CREATE TABLE exports (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('logboek', 'logboek_with_names', 'comparison', 'rubric')),
    path       TEXT    NOT NULL CHECK (length(path) > 0),
    created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX exports_by_team ON exports (team_id, id);
