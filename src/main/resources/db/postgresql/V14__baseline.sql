-- The schema of H2 migrations V1–V14, for PostgreSQL 15 or later, in one baseline (decision 0009).
-- Same tables, columns, keys and index names as on H2; what differs, and why:
--  * TINYINT (H2) is SMALLINT here (PostgreSQL has no TINYINT);
--  * the generated columns (member.nama_cari, member.nik_aktif) are STORED (PostgreSQL has no
--    virtual ones; H2 refuses the word);
--  * every CHECK is named here (H2's V1–V4 left some inline and unnamed; V5 replaced one by name).
-- Later migrations come in both folders, db/migration (H2) and db/postgresql, with the same version.

CREATE TABLE village_profile (
    id               SMALLINT     NOT NULL,
    kode_desa        VARCHAR(13)  NOT NULL,
    nama_desa        VARCHAR(200) NOT NULL,
    nama_kantor      VARCHAR(200) NOT NULL,
    nama_operator    VARCHAR(200) NOT NULL,
    sample           BOOLEAN      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    nama_kepala_desa VARCHAR(200),
    CONSTRAINT pk_village_profile PRIMARY KEY (id),
    CONSTRAINT ck_village_profile_one_row CHECK (id = 1)
);

CREATE TABLE household (
    id         UUID         NOT NULL,
    no_kk      CHAR(16)     NOT NULL,
    alamat     VARCHAR(300) NOT NULL,
    rt         CHAR(3)      NOT NULL,
    rw         VARCHAR(3)   NOT NULL,
    dusun      VARCHAR(100),
    kode_pos   CHAR(5),
    sample     BOOLEAN      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_household PRIMARY KEY (id),
    CONSTRAINT uq_household_no_kk UNIQUE (no_kk)
);
CREATE INDEX ix_household_order ON household (rw, rt, no_kk);
CREATE INDEX ix_household_dusun ON household (dusun);

CREATE TABLE household_kk_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY,
    household_id UUID     NOT NULL,
    old_no_kk    CHAR(16) NOT NULL,
    new_no_kk    CHAR(16) NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_household_kk_change PRIMARY KEY (id),
    CONSTRAINT fk_kk_change_household FOREIGN KEY (household_id) REFERENCES household (id)
);
CREATE INDEX ix_kk_change_household ON household_kk_change (household_id);

CREATE TABLE member (
    id                UUID         NOT NULL,
    household_id      UUID         NOT NULL,
    urut              INT          NOT NULL,
    nik               CHAR(16),
    tanpa_nik         BOOLEAN      NOT NULL,
    nama              VARCHAR(200) NOT NULL,
    nama_cari         VARCHAR(200) GENERATED ALWAYS AS (UPPER(nama)) STORED,
    jenis_kelamin     SMALLINT     NOT NULL,
    tempat_lahir      VARCHAR(100) NOT NULL,
    tanggal_lahir     DATE         NOT NULL,
    agama             SMALLINT     NOT NULL,
    pendidikan        SMALLINT     NOT NULL,
    pekerjaan         SMALLINT     NOT NULL,
    status_perkawinan SMALLINT     NOT NULL,
    shdk              SMALLINT     NOT NULL,
    kewarganegaraan   SMALLINT     NOT NULL,
    nama_ayah         VARCHAR(200),
    nama_ibu          VARCHAR(200),
    status            VARCHAR(10)  NOT NULL,
    status_tanggal    DATE,
    nik_aktif         CHAR(16) GENERATED ALWAYS AS (CASE WHEN status = 'AKTIF' THEN nik END) STORED,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_member PRIMARY KEY (id),
    CONSTRAINT fk_member_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT ck_member_sex CHECK (jenis_kelamin IN (1, 2)),
    CONSTRAINT ck_member_status CHECK (status IN ('AKTIF', 'PINDAH', 'MENINGGAL')),
    CONSTRAINT ck_member_nik CHECK ((nik IS NULL) = tanpa_nik),
    CONSTRAINT ck_member_status_date CHECK ((status = 'AKTIF') = (status_tanggal IS NULL))
);
CREATE UNIQUE INDEX uq_member_nik_aktif ON member (nik_aktif);
CREATE INDEX ix_member_nik ON member (nik);
CREATE INDEX ix_member_household ON member (household_id, urut);
CREATE INDEX ix_member_name_birth ON member (nama_cari, tanggal_lahir);

CREATE TABLE setting (
    setting_name  VARCHAR(100)  NOT NULL,
    setting_value VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_setting PRIMARY KEY (setting_name)
);

CREATE TABLE document (
    id           UUID         NOT NULL,
    household_id UUID         NOT NULL,
    member_id    UUID,
    kind         VARCHAR(10)  NOT NULL,
    label        VARCHAR(100),
    tanggal      DATE         NOT NULL,
    faskes       VARCHAR(200),
    diagnosis    VARCHAR(20),
    rotation     SMALLINT     NOT NULL,
    copy_sha256  CHAR(64)     NOT NULL,
    copy_type    VARCHAR(4)   NOT NULL,
    copy_size    BIGINT       NOT NULL,
    copy_pages   INT          NOT NULL,
    over_limit   BOOLEAN      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attached_by  VARCHAR(100),
    CONSTRAINT pk_document PRIMARY KEY (id),
    CONSTRAINT fk_document_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE,
    CONSTRAINT fk_document_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT ck_document_kind CHECK (kind IN ('KTP', 'KK', 'SKTM', 'FASKES', 'LAINNYA')),
    CONSTRAINT ck_document_rotation CHECK (rotation IN (0, 90, 180, 270)),
    CONSTRAINT ck_document_copy_type CHECK (copy_type IN ('JPEG', 'PDF')),
    CONSTRAINT ck_document_scope CHECK (
        (kind = 'KK' AND member_id IS NULL) OR (kind IN ('KTP', 'FASKES') AND member_id IS NOT NULL)
        OR kind IN ('SKTM', 'LAINNYA'))
);
CREATE INDEX ix_document_household ON document (household_id);
CREATE INDEX ix_document_member ON document (member_id);
CREATE INDEX ix_document_copy ON document (copy_sha256);

CREATE TABLE document_source (
    document_id UUID         NOT NULL,
    urut        INT          NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    media_type  VARCHAR(4)   NOT NULL,
    size        BIGINT       NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    pages       INT          NOT NULL,
    CONSTRAINT pk_document_source PRIMARY KEY (document_id, urut),
    CONSTRAINT fk_document_source_document FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE,
    CONSTRAINT ck_document_source_type CHECK (media_type IN ('JPEG', 'PNG', 'PDF'))
);
CREATE INDEX ix_document_source_sha ON document_source (sha256);

CREATE TABLE reactivation_request (
    id               UUID         NOT NULL,
    seq              BIGINT GENERATED ALWAYS AS IDENTITY,
    household_id     UUID         NOT NULL,
    member_id        UUID         NOT NULL,
    check_date       DATE,
    check_channel    VARCHAR(20),
    bpjs_number      VARCHAR(13),
    deletion_date    DATE,
    route            VARCHAR(10)  NOT NULL,
    reason           VARCHAR(500),
    urgent_category  VARCHAR(20),
    dtsen_registered BOOLEAN,
    adminduk_padan   BOOLEAN,
    status           VARCHAR(20)  NOT NULL,
    urgent           BOOLEAN      NOT NULL,
    deadline         DATE,
    blocking         INT          NOT NULL,
    bundle           VARCHAR(100),
    decision_reason  VARCHAR(500),
    reactivated_on   DATE,
    follow_up_due    DATE,
    follow_up_done   DATE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_reactivation_request PRIMARY KEY (id),
    CONSTRAINT uq_request_seq UNIQUE (seq),
    CONSTRAINT fk_request_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE,
    CONSTRAINT fk_request_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT ck_request_route CHECK (route IN ('DESA', 'DINSOS')),
    CONSTRAINT ck_request_status CHECK (status IN ('DRAF', 'SIAP_KIRIM', 'TERKIRIM', 'PERLU_PERBAIKAN', 'DISETUJUI',
                                                   'DITOLAK', 'AKTIF_KEMBALI', 'GAGAL'))
);
CREATE INDEX ix_request_member ON reactivation_request (member_id);
CREATE INDEX ix_request_household ON reactivation_request (household_id);
CREATE INDEX ix_request_status ON reactivation_request (status, urgent, deadline);

CREATE TABLE request_event (
    request_id UUID         NOT NULL,
    seq        INT          NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    event_date DATE,
    bundle     VARCHAR(100),
    note       VARCHAR(500),
    operator   VARCHAR(100),
    CONSTRAINT pk_request_event PRIMARY KEY (request_id, seq),
    CONSTRAINT fk_request_event_request FOREIGN KEY (request_id) REFERENCES reactivation_request (id) ON DELETE CASCADE,
    CONSTRAINT ck_request_event_kind CHECK (kind IN ('STATUS', 'FOLLOW_UP'))
);

CREATE TABLE bundle (
    id             UUID         NOT NULL,
    name           VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    request_count  INT          NOT NULL,
    document_count INT          NOT NULL,
    payload_bytes  BIGINT       NOT NULL,
    zip_bytes      BIGINT       NOT NULL,
    CONSTRAINT pk_bundle PRIMARY KEY (id)
);

CREATE TABLE bundle_request (
    bundle_id  UUID    NOT NULL,
    request_id UUID    NOT NULL,
    resend     BOOLEAN NOT NULL,
    CONSTRAINT pk_bundle_request PRIMARY KEY (bundle_id, request_id),
    CONSTRAINT fk_bundle_request_bundle FOREIGN KEY (bundle_id) REFERENCES bundle (id),
    CONSTRAINT fk_bundle_request_request FOREIGN KEY (request_id) REFERENCES reactivation_request (id) ON DELETE CASCADE
);
CREATE INDEX ix_bundle_request_request ON bundle_request (request_id);

CREATE TABLE operator_account (
    id            UUID         NOT NULL,
    name          VARCHAR(100) NOT NULL,
    name_key      VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    password_hash VARCHAR(300) NOT NULL,
    must_change   BOOLEAN      NOT NULL,
    failed_count  INTEGER      NOT NULL,
    lock_count    INTEGER      NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    last_sign_in  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sign_key      VARCHAR(60),
    cert          VARCHAR(100),
    CONSTRAINT pk_operator_account PRIMARY KEY (id),
    CONSTRAINT operator_account_name_unique UNIQUE (name_key),
    CONSTRAINT operator_account_role_known CHECK (role IN ('ADMINISTRATOR', 'OPERATOR', 'PEMERIKSA'))
);

CREATE TABLE recovery_code (
    id         SMALLINT     NOT NULL,
    code_hash  VARCHAR(300) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_recovery_code PRIMARY KEY (id),
    CONSTRAINT recovery_code_one_row CHECK (id = 1)
);

CREATE TABLE audit_entry (
    seq       BIGINT        NOT NULL,
    at        VARCHAR(30)   NOT NULL,
    operator  VARCHAR(100)  NOT NULL,
    action    VARCHAR(60)   NOT NULL,
    entity    VARCHAR(40)   NOT NULL,
    entity_id VARCHAR(40)   NOT NULL,
    fields    VARCHAR(1000) NOT NULL,
    prev      CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL,
    signer    VARCHAR(16),
    signature VARCHAR(100),
    CONSTRAINT pk_audit_entry PRIMARY KEY (seq)
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_id);

CREATE TABLE district_key (
    id            UUID          NOT NULL,
    kode          VARCHAR(20)   NOT NULL,
    nama          VARCHAR(200)  NOT NULL,
    fingerprint   VARCHAR(40)   NOT NULL,
    public_json   VARCHAR(8000) NOT NULL,
    imported_by   VARCHAR(100)  NOT NULL,
    imported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_district_key PRIMARY KEY (id)
);

CREATE TABLE pbi_nonaktif (
    member_id   UUID         NOT NULL,
    deleted_on  DATE         NOT NULL,
    list_name   VARCHAR(200) NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pbi_nonaktif PRIMARY KEY (member_id),
    CONSTRAINT fk_pbi_nonaktif_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
);
CREATE INDEX ix_pbi_nonaktif_deleted ON pbi_nonaktif (deleted_on);

CREATE TABLE response_applied (
    id          VARCHAR(64)              NOT NULL,
    bundle_id   UUID                     NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed     INTEGER                  NOT NULL,
    CONSTRAINT pk_response_applied PRIMARY KEY (id),
    CONSTRAINT fk_response_applied_bundle FOREIGN KEY (bundle_id) REFERENCES bundle (id)
);

CREATE TABLE account_key (
    key_id      VARCHAR(16)  NOT NULL,
    account_id  UUID         NOT NULL,
    public_key  VARCHAR(60)  NOT NULL,
    since_seq   BIGINT       NOT NULL,
    cert        VARCHAR(100) NOT NULL,
    CONSTRAINT pk_account_key PRIMARY KEY (key_id),
    CONSTRAINT fk_account_key_account FOREIGN KEY (account_id) REFERENCES operator_account (id)
);

CREATE TABLE trust_root (
    id           INTEGER      NOT NULL,
    public_key   VARCHAR(60)  NOT NULL,
    signed_from  BIGINT       NOT NULL,
    signature    VARCHAR(100) NOT NULL,
    CONSTRAINT pk_trust_root PRIMARY KEY (id),
    CONSTRAINT trust_root_one_row CHECK (id = 1)
);
