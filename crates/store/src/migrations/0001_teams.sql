-- Teams, their members and candidates. A candidate's identity lives in its own
-- table, apart from anything that is assessed, so blinded views never join it.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    is_demo    INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'assessor', 'trainer', 'committee')),
    party      TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX members_by_team ON members (team_id);

CREATE TABLE candidates (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (team_id, code)
) STRICT;

CREATE TABLE candidate_identities (
    candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    party        TEXT
) STRICT;
