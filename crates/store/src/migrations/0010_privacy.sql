-- Personal data has an end (maatstaf_core::retention, crates/store/src/privacy).
-- `retain_until` is the chair's own date (YYYY-MM-DD); without one the data is kept
-- until four weeks after the decision. `closed_at` marks a formation whose candidates'
-- personal data was erased; `erased_at` a candidate whose name and texts were erased.
ALTER TABLE teams ADD COLUMN retain_until TEXT;
ALTER TABLE teams ADD COLUMN closed_at TEXT;
ALTER TABLE candidates ADD COLUMN erased_at TEXT;
