-- Each team's log: a hash chain of what happened (maatstaf_core::ledger).
-- Append-only while the team exists: the triggers refuse every UPDATE, and
-- every DELETE except of a deleted team's entries (deleting a team removes all
-- of its personal data, its log included).
CREATE TABLE ledger (
    team_id   INTEGER NOT NULL,
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    time      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    payload   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    PRIMARY KEY (team_id, seq)
) STRICT;

CREATE TRIGGER ledger_is_append_only_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;

CREATE TRIGGER ledger_is_append_only_delete BEFORE DELETE ON ledger
WHEN EXISTS (SELECT 1 FROM teams WHERE id = OLD.team_id)
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only');
END;
