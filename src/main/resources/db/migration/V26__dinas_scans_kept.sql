-- Whether a bundle was received by a version that keeps its scans (V22 on): a file its list names but
-- that is not kept is then either one the village did not send (ask it to send the request again) or
-- one received before scans were kept (take the same bundle again). Bundles with a scan kept are known.
ALTER TABLE dinas_bundle ADD COLUMN scans_kept BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE dinas_bundle SET scans_kept = TRUE WHERE bundle_id IN (SELECT bundle_id FROM dinas_scan);
