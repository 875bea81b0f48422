-- Sealing (maatstaf_core::seal). Each team gets a random id and, once an officer sets
-- a passphrase, its own Ed25519 key (public part here, private part sealed) and a data
-- key that exists on disk only inside key slots, one per officer. Candidate identities
-- and unredacted texts of sealed teams are stored only sealed: `sealed_identities`
-- replaces `candidate_identities`, and `original_sealed` replaces `original_text`, which
-- stays empty. Teams from before this version keep their plain rows until an officer
-- seals them (the hand-over), which empties those rows.
ALTER TABLE teams ADD COLUMN uid TEXT;
ALTER TABLE teams ADD COLUMN public_key TEXT;
ALTER TABLE teams ADD COLUMN sealed_signing_key BLOB;
UPDATE teams SET uid = lower(hex(randomblob(16)));

CREATE TABLE key_slots (
    member_id  INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    -- maatstaf_core::seal::KeySlot as JSON: Argon2id cost and salt, the wrapped data key.
    slot       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sealed_identities (
    candidate_id INTEGER PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    sealed       BLOB NOT NULL
) STRICT;

ALTER TABLE candidate_material ADD COLUMN original_sealed BLOB;

-- Frozen material stays as assessed; only where its original is kept may change
-- (sealed at the hand-over, purged when a formation closes).
DROP TRIGGER candidate_material_frozen_is_final;
CREATE TRIGGER candidate_material_frozen_is_final
BEFORE UPDATE OF candidate_id, kind, criterion, redactions, blinded_text, blinded_sha256, frozen_at
ON candidate_material
WHEN OLD.frozen_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'frozen blinded material cannot change');
END;
