-- The Dinas Sosial's public key, imported once by the village Administrator: bundles are encrypted
-- to it, and answers are accepted only when it signed them. One per kabupaten; the one in use is the
-- row without replaced_at (a replaced key stays, named by the audit trail).
CREATE TABLE district_key (
    id            UUID          PRIMARY KEY,
    kode          VARCHAR(20)   NOT NULL,
    nama          VARCHAR(200)  NOT NULL,
    fingerprint   VARCHAR(40)   NOT NULL,
    public_json   VARCHAR(8000) NOT NULL,
    imported_by   VARCHAR(100)  NOT NULL,
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at   TIMESTAMP WITH TIME ZONE
);
