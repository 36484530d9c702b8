-- On a database server several PCs share (a district office on PostgreSQL), the scans' sealed bytes are
-- kept in the database, so that every officer's PC sees them; beside an H2 file they stay files in the
-- store's document folder and this table stays empty.
CREATE TABLE dinas_scan_bytes (
    sha256          CHAR(64)      NOT NULL,
    sealed          BYTEA NOT NULL,
    CONSTRAINT pk_dinas_scan_bytes PRIMARY KEY (sha256)
);
-- sealed bytes do not compress: stored out of line as they are, without trying
ALTER TABLE dinas_scan_bytes ALTER COLUMN sealed SET STORAGE EXTERNAL;
