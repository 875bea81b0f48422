-- Independent, blinded scoring (maatstaf_core::scoring and ::assessor). Rounds and
-- sheets are stored as the core's own JSON values plus the columns we query by;
-- submitted sheets and revealed rounds are final, and nothing is ever deleted while
-- the team exists.

-- A member's PIN for switching assessors on a shared laptop: an Argon2id PHC string.
CREATE TABLE member_pins (
    member_id INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    pin_hash  TEXT NOT NULL CHECK (pin_hash LIKE '$argon2%'),
    set_at    TEXT NOT NULL
) STRICT;

-- A team's rule per conflict kind (JSON maatstaf_core::assessor::ConflictPolicy).
CREATE TABLE conflict_policies (
    team_id    INTEGER PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
    policy     TEXT NOT NULL,
    changed_at TEXT NOT NULL
) STRICT;

-- An assessor's declared tie with a candidate, by code (JSON ConflictDeclaration).
CREATE TABLE conflict_declarations (
    id             INTEGER PRIMARY KEY,
    team_id        INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    member_id      INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    candidate_code TEXT NOT NULL,
    kind           TEXT NOT NULL,
    declaration    TEXT NOT NULL,
    declared_at    TEXT NOT NULL,
    UNIQUE (team_id, member_id, candidate_code, kind)
) STRICT;
CREATE INDEX conflict_declarations_by_team ON conflict_declarations (team_id);

-- One scoring round (JSON maatstaf_core::scoring::Round).
CREATE TABLE scoring_rounds (
    team_id           INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    number            INTEGER NOT NULL CHECK (number >= 1),
    rubric_version_id INTEGER NOT NULL REFERENCES rubric_versions (id),
    status            TEXT NOT NULL CHECK (status IN ('open', 'closed', 'revealed')),
    round             TEXT NOT NULL,
    opened_at         TEXT NOT NULL,
    PRIMARY KEY (team_id, number)
) STRICT;

CREATE TRIGGER scoring_rounds_revealed_are_final BEFORE UPDATE ON scoring_rounds
WHEN OLD.status = 'revealed'
BEGIN
    SELECT RAISE(ABORT, 'a revealed round cannot change');
END;

-- One assessor's sheet in one round (JSON maatstaf_core::scoring::Sheet).
-- `assessor` is the member id as text, the core's Actor id.
CREATE TABLE score_sheets (
    team_id      INTEGER NOT NULL,
    round        INTEGER NOT NULL,
    assessor     TEXT NOT NULL,
    submitted    INTEGER NOT NULL DEFAULT 0 CHECK (submitted IN (0, 1)),
    sheet        TEXT NOT NULL,
    sheet_sha256 TEXT,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (team_id, round, assessor),
    FOREIGN KEY (team_id, round) REFERENCES scoring_rounds (team_id, number) ON DELETE CASCADE,
    CHECK ((submitted = 1) = (sheet_sha256 IS NOT NULL))
) STRICT;

CREATE TRIGGER score_sheets_submitted_are_final BEFORE UPDATE ON score_sheets
WHEN OLD.submitted = 1
BEGIN
    SELECT RAISE(ABORT, 'a submitted score sheet cannot change');
END;

-- The end of a selection: the decision and the unblinding (JSON SelectionState).
CREATE TABLE selection_states (
    team_id    INTEGER PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
    state      TEXT NOT NULL,
    changed_at TEXT NOT NULL
) STRICT;
