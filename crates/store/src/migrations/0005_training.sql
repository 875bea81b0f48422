-- Training: installed modules and practice cases (bundled ones are read-only,
-- imported ones keep their source text), a full-text index over module text,
-- per-member progress, trainer sessions with two scoring rounds, and the
-- minimum practice agreement a team must reach before live scoring opens.
CREATE TABLE training_modules (
    id           TEXT PRIMARY KEY,
    path         TEXT NOT NULL,
    source       TEXT NOT NULL,
    bundled      INTEGER NOT NULL CHECK (bundled IN (0, 1)),
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    sort_order   INTEGER NOT NULL,
    audience     TEXT NOT NULL,
    installed_at TEXT NOT NULL
) STRICT;

CREATE TABLE training_exercises (
    module_id   TEXT NOT NULL REFERENCES training_modules (id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('choice', 'spot', 'case')),
    -- Spot exercises: how many problems there are to find.
    problems    INTEGER NOT NULL DEFAULT 0,
    case_id     TEXT,
    PRIMARY KEY (module_id, exercise_id)
) STRICT;

CREATE TABLE training_cases (
    id           TEXT PRIMARY KEY,
    path         TEXT NOT NULL,
    source       TEXT NOT NULL,
    bundled      INTEGER NOT NULL CHECK (bundled IN (0, 1)),
    title        TEXT NOT NULL,
    rubric       TEXT NOT NULL,
    installed_at TEXT NOT NULL
) STRICT;

-- Dutch-friendly: "financiën" is found by "financien".
CREATE VIRTUAL TABLE training_search USING fts5 (
    module_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE training_reads (
    member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    module_id TEXT NOT NULL REFERENCES training_modules (id) ON DELETE CASCADE,
    read_at   TEXT NOT NULL,
    PRIMARY KEY (member_id, module_id)
) STRICT;

-- Every graded answer; for spot exercises `problem` is the phrase that was hit.
CREATE TABLE training_results (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    module_id   TEXT NOT NULL,
    exercise_id TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    problem     INTEGER,
    answered_at TEXT NOT NULL,
    FOREIGN KEY (module_id, exercise_id) REFERENCES training_exercises (module_id, exercise_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX training_results_by_member ON training_results (member_id, module_id);

CREATE TABLE training_sessions (
    id         INTEGER PRIMARY KEY,
    team_id    INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    trainer_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    case_id    TEXT NOT NULL REFERENCES training_cases (id),
    modules    TEXT NOT NULL,
    phase      TEXT NOT NULL CHECK (phase IN ('round1', 'spread', 'reveal', 'round2', 'done')),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX training_sessions_by_team ON training_sessions (team_id);

CREATE TABLE training_participants (
    session_id INTEGER NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, member_id)
) STRICT;

CREATE TABLE training_scores (
    session_id INTEGER NOT NULL,
    member_id  INTEGER NOT NULL,
    round      INTEGER NOT NULL CHECK (round IN (1, 2)),
    candidate  TEXT NOT NULL,
    criterion  TEXT NOT NULL,
    score      INTEGER NOT NULL,
    saved_at   TEXT NOT NULL,
    PRIMARY KEY (session_id, member_id, round, candidate, criterion),
    FOREIGN KEY (session_id, member_id) REFERENCES training_participants (session_id, member_id) ON DELETE CASCADE
) STRICT;

CREATE TABLE training_thresholds (
    team_id     INTEGER PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
    min_alpha   REAL NOT NULL CHECK (min_alpha >= 0 AND min_alpha <= 1),
    set_by      INTEGER REFERENCES members (id) ON DELETE SET NULL,
    set_at      TEXT NOT NULL
) STRICT;
