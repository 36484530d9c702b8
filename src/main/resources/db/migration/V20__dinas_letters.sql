-- The Dinas Sosial's letters (issue 28): a surat keterangan pengaktifan kembali for every endorsed
-- approval, numbered in the office's own series (one sequence a year), its signed QR kept, and the
-- collective recommendation for the BPJS branch / SIKS-NG entry listing the letters it covers.
CREATE TABLE dinas_letter (
    id              VARCHAR(64)   NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    number          VARCHAR(100)  NOT NULL,
    letter_year     INTEGER       NOT NULL,
    seq             INTEGER       NOT NULL,
    request_id      VARCHAR(64),
    nik             VARCHAR(40),
    person_name     VARCHAR(200),
    kode_desa       VARCHAR(20),
    issued_on       DATE          NOT NULL,
    issued_by       VARCHAR(100)  NOT NULL,
    qr_text         VARCHAR(2000) NOT NULL,
    pdf_sha256      VARCHAR(64)   NOT NULL,
    collective_id   VARCHAR(64),
    CONSTRAINT pk_dinas_letter PRIMARY KEY (id),
    CONSTRAINT uq_dinas_letter_number UNIQUE (number),
    CONSTRAINT uq_dinas_letter_seq UNIQUE (kind, letter_year, seq)
);
CREATE INDEX ix_dinas_letter_request ON dinas_letter (request_id);
