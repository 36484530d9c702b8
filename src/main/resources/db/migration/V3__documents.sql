-- Settings that policy moves (required documents, size limits…): one row per name, text values,
-- parsed and defaulted by the feature that owns them.
CREATE TABLE setting (
    setting_name  VARCHAR(100)  PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);

-- A document attached to a household (member_id NULL) or to one of its members. Its files live in
-- the content-addressed document store (dokumen/ in the data folder), named by SHA-256: the
-- upload-ready copy here, the untouched originals in document_source. A file is in place before the
-- row that names it is committed.
CREATE TABLE document (
    id           UUID PRIMARY KEY,
    -- Cascades only reach here when the sample village is cleared (saved members are never
    -- deleted); the files left behind are removed by the start-up check of the document store.
    household_id UUID         NOT NULL REFERENCES household (id) ON DELETE CASCADE,
    member_id    UUID         REFERENCES member (id) ON DELETE CASCADE,
    kind         VARCHAR(10)  NOT NULL CHECK (kind IN ('KTP', 'KK', 'SKTM', 'FASKES', 'LAINNYA')),
    label        VARCHAR(100),
    tanggal      DATE         NOT NULL,
    faskes       VARCHAR(200),
    diagnosis    VARCHAR(20),
    rotation     SMALLINT     NOT NULL CHECK (rotation IN (0, 90, 180, 270)),
    copy_sha256  CHAR(64)     NOT NULL,
    copy_type    VARCHAR(4)   NOT NULL CHECK (copy_type IN ('JPEG', 'PDF')),
    copy_size    BIGINT       NOT NULL,
    copy_pages   INT          NOT NULL,
    over_limit   BOOLEAN      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_document_scope CHECK (
        (kind = 'KK' AND member_id IS NULL) OR (kind IN ('KTP', 'FASKES') AND member_id IS NOT NULL)
        OR kind IN ('SKTM', 'LAINNYA'))
);
CREATE INDEX ix_document_household ON document (household_id);
CREATE INDEX ix_document_member ON document (member_id);
CREATE INDEX ix_document_copy ON document (copy_sha256);

-- The files the operator attached, in page order: several photos of one letter make one document.
CREATE TABLE document_source (
    document_id UUID         NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    urut        INT          NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    media_type  VARCHAR(4)   NOT NULL CHECK (media_type IN ('JPEG', 'PNG', 'PDF')),
    size        BIGINT       NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    pages       INT          NOT NULL,
    PRIMARY KEY (document_id, urut)
);
CREATE INDEX ix_document_source_sha ON document_source (sha256);
