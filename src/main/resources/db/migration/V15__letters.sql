-- Letters the village issues (SKTM, surat keterangan, surat pengantar): one row per number given.
-- A number is never given twice: unique per sequence (scope, year, seq) and as printed. A cancelled
-- letter keeps its row and number, marked BATAL with the reason. The PDF is in the document store
-- (pdf_sha256); the data it was made from is kept as printed (data_json).
CREATE TABLE letter (
    id               UUID          NOT NULL,
    letter_type      VARCHAR(20)   NOT NULL,
    seq_scope        VARCHAR(20)   NOT NULL,
    seq_year         INTEGER       NOT NULL,
    seq              INTEGER       NOT NULL,
    letter_number    VARCHAR(120)  NOT NULL,
    issued_on        DATE          NOT NULL,
    valid_until      DATE,
    household_id     UUID,
    member_id        UUID,
    subject_name     VARCHAR(200)  NOT NULL,
    nik_hash         VARCHAR(40),
    purpose          VARCHAR(300)  NOT NULL,
    data_json        VARCHAR(8000) NOT NULL,
    signatory_name   VARCHAR(200)  NOT NULL,
    signatory_title  VARCHAR(200)  NOT NULL,
    pdf_sha256       CHAR(64)      NOT NULL,
    qr_text          VARCHAR(600)  NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    cancel_reason    VARCHAR(300),
    issued_by        VARCHAR(100)  NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_letter PRIMARY KEY (id),
    CONSTRAINT uq_letter_seq UNIQUE (seq_scope, seq_year, seq),
    CONSTRAINT uq_letter_number UNIQUE (letter_number),
    CONSTRAINT ck_letter_type CHECK (letter_type IN ('SKTM', 'SKTM_KELUARGA', 'KETERANGAN', 'PENGANTAR')),
    CONSTRAINT ck_letter_status CHECK (status IN ('TERBIT', 'BATAL')),
    CONSTRAINT ck_letter_seq CHECK (seq > 0)
);
CREATE INDEX ix_letter_issued ON letter (issued_on);
CREATE INDEX ix_letter_member ON letter (member_id);

-- letter templates are longer than other settings
ALTER TABLE setting ALTER COLUMN setting_value SET DATA TYPE VARCHAR(8000);
