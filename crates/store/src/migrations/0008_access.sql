-- Wrong PINs per member, so the back-off survives a restart of the app.
CREATE TABLE pin_failures (
    member_id INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    failures  INTEGER NOT NULL CHECK (failures >= 0),
    last_at   INTEGER NOT NULL
) STRICT;

-- Whether the chair and the secretary, who may see identities, also score.
ALTER TABLE teams ADD COLUMN officers_score INTEGER NOT NULL DEFAULT 1 CHECK (officers_score IN (0, 1));
