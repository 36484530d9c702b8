-- A bundle signed by another key for a pinned village is refused and kept on the village's key as a
-- conflict (which key, when, which file) until an Administrator replaces the key; and the office's
-- settings: whether a request needs an SKTM, and the window between deletion and receipt.
ALTER TABLE dinas_village_key ADD COLUMN conflict_fingerprint VARCHAR(40);
ALTER TABLE dinas_village_key ADD COLUMN conflict_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dinas_village_key ADD COLUMN conflict_file VARCHAR(300);
ALTER TABLE dinas_office ADD COLUMN require_sktm BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dinas_office ADD COLUMN window_months INTEGER DEFAULT 6 NOT NULL;
