-- Scoring on an assessor's own laptop (maatstaf_core::package): the team's side and
-- the assessor's side of the exchange. Either side may be this installation.

-- The team's age identity, sealed with the team's data key; score packages are
-- encrypted to its public recipient. Made the first time the team writes a package.
ALTER TABLE teams ADD COLUMN recipient TEXT;
ALTER TABLE teams ADD COLUMN sealed_recipient_identity BLOB;

-- An assessor's personal public key as the team registered it (from a key file or
-- their first score package). A package signed by another key is refused.
CREATE TABLE member_keys (
    member_id     INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    public_key    TEXT NOT NULL CHECK (length(public_key) = 64),
    registered_at TEXT NOT NULL
) STRICT;

-- Where a sheet came from: filled in on this laptop, or imported from a package.
ALTER TABLE score_sheets ADD COLUMN source TEXT NOT NULL DEFAULT 'laptop'
    CHECK (source IN ('laptop', 'package'));

-- Every score package imported, byte for byte, with the signed sheet inside it.
-- `merged`: its sheet is the assessor's sheet; `conflict`: a second, different
-- package waiting for the chair; `set_aside`: not used, by the chair's choice.
CREATE TABLE score_packages (
    id           INTEGER PRIMARY KEY,
    team_id      INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    round        INTEGER NOT NULL,
    assessor     TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    package      BLOB NOT NULL,
    signed_sheet TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('merged', 'conflict', 'set_aside')),
    imported_at  TEXT NOT NULL,
    UNIQUE (team_id, sha256)
) STRICT;
CREATE INDEX score_packages_by_round ON score_packages (team_id, round, assessor);

-- On an assessor's laptop: their personal signing key for one team, sealed with a
-- data key that their passphrase unwraps.
CREATE TABLE personal_keys (
    id          INTEGER PRIMARY KEY,
    team_uid    TEXT NOT NULL,
    assessor    TEXT NOT NULL,
    public_key  TEXT NOT NULL CHECK (length(public_key) = 64),
    slot        TEXT NOT NULL,
    sealed_seed BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (team_uid, assessor)
) STRICT;

-- On an assessor's laptop: one round to score, from a round package; their sheet
-- and declarations; the score package once submitted; the reveal package once it came.
CREATE TABLE assignments (
    id            INTEGER PRIMARY KEY,
    team_uid      TEXT NOT NULL,
    team_key      TEXT NOT NULL CHECK (length(team_key) = 64),
    round         INTEGER NOT NULL CHECK (round >= 1),
    assessor      TEXT NOT NULL,
    package       BLOB NOT NULL,
    sheet         TEXT,
    declarations  TEXT NOT NULL DEFAULT '[]',
    score_package BLOB,
    reveal        BLOB,
    imported_at   TEXT NOT NULL,
    UNIQUE (team_uid, round, assessor)
) STRICT;

-- A submitted assignment is final, as a submitted sheet is.
CREATE TRIGGER assignments_submitted_are_final BEFORE UPDATE ON assignments
WHEN OLD.score_package IS NOT NULL
 AND (NEW.sheet IS NOT OLD.sheet OR NEW.package IS NOT OLD.package
      OR NEW.score_package IS NOT OLD.score_package OR NEW.declarations IS NOT OLD.declarations)
BEGIN
    SELECT RAISE(ABORT, 'a submitted assignment cannot change');
END;
