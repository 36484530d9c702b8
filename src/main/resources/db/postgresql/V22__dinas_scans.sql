-- The scans a village's bundle carries, kept by the district in its document store (sealed under the
-- store key, named by a keyed hash of their SHA-256, as a village keeps its own): one row per file of
-- the bundle, by its path in the bag (the request's "berkas"). A request sent again names its new
-- bundle's files; the earlier bundle's rows stay with its earlier version.
CREATE TABLE dinas_scan (
    bundle_id       VARCHAR(100)  NOT NULL,
    path            VARCHAR(300)  NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    CONSTRAINT pk_dinas_scan PRIMARY KEY (bundle_id, path),
    CONSTRAINT fk_dinas_scan_bundle FOREIGN KEY (bundle_id) REFERENCES dinas_bundle (bundle_id)
);
CREATE INDEX ix_dinas_scan_sha ON dinas_scan (sha256);
