-- A bundle (paket) written to a stick for the Dinas Sosial, recorded only once it was read back
-- from the stick and every checksum matched. Its requests became Terkirim in the same transaction.
CREATE TABLE bundle (
    id             UUID PRIMARY KEY,
    -- the zip's name without .zip: <village code digits>_<yyyymmdd-hhmm>[-n]
    name           VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    request_count  INT          NOT NULL,
    document_count INT          NOT NULL,
    -- Payload-Oxum's octets, and the zip's own size
    payload_bytes  BIGINT       NOT NULL,
    zip_bytes      BIGINT       NOT NULL
);

-- Which requests went in which bundle; resend: the request had already gone out before (a lost stick).
CREATE TABLE bundle_request (
    bundle_id  UUID    NOT NULL REFERENCES bundle (id),
    request_id UUID    NOT NULL REFERENCES reactivation_request (id) ON DELETE CASCADE,
    resend     BOOLEAN NOT NULL,
    PRIMARY KEY (bundle_id, request_id)
);
CREATE INDEX ix_bundle_request_request ON bundle_request (request_id);
