-- The village this installation serves (one row).
CREATE TABLE village_profile (
    id            TINYINT PRIMARY KEY CHECK (id = 1),
    kode_desa     VARCHAR(13)  NOT NULL,
    nama_desa     VARCHAR(200) NOT NULL,
    nama_kantor   VARCHAR(200) NOT NULL,
    nama_operator VARCHAR(200) NOT NULL,
    sample        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A Kartu Keluarga. The id stays when the No. KK changes (pecah KK, move): see household_kk_change.
CREATE TABLE household (
    id         UUID PRIMARY KEY,
    no_kk      CHAR(16)     NOT NULL,
    alamat     VARCHAR(300) NOT NULL,
    rt         CHAR(3)      NOT NULL,
    rw         CHAR(3)      NOT NULL,
    dusun      VARCHAR(100),
    kode_pos   CHAR(5),
    sample     BOOLEAN      NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_household_no_kk UNIQUE (no_kk)
);
CREATE INDEX ix_household_order ON household (rw, rt, no_kk);
CREATE INDEX ix_household_dusun ON household (dusun);

CREATE TABLE household_kk_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id UUID     NOT NULL REFERENCES household (id),
    old_no_kk    CHAR(16) NOT NULL,
    new_no_kk    CHAR(16) NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_kk_change_household ON household_kk_change (household_id);

-- A person on a KK. Never deleted once saved: moving out or death is a status with a date.
-- Code columns hold the Dukcapil codes (see i18n/codes.properties).
CREATE TABLE member (
    id                UUID PRIMARY KEY,
    household_id      UUID         NOT NULL REFERENCES household (id),
    urut              INT          NOT NULL,
    nik               CHAR(16),
    tanpa_nik         BOOLEAN      NOT NULL,
    nama              VARCHAR(200) NOT NULL,
    nama_cari         VARCHAR(200) GENERATED ALWAYS AS (UPPER(nama)),
    jenis_kelamin     TINYINT      NOT NULL CHECK (jenis_kelamin IN (1, 2)),
    tempat_lahir      VARCHAR(100) NOT NULL,
    tanggal_lahir     DATE         NOT NULL,
    agama             TINYINT      NOT NULL,
    pendidikan        TINYINT      NOT NULL,
    pekerjaan         TINYINT      NOT NULL,
    status_perkawinan TINYINT      NOT NULL,
    shdk              TINYINT      NOT NULL,
    kewarganegaraan   TINYINT      NOT NULL,
    nama_ayah         VARCHAR(200),
    nama_ibu          VARCHAR(200),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('AKTIF', 'PINDAH', 'MENINGGAL')),
    status_tanggal    DATE,
    -- A NIK belongs to one living, present person: unique among active members of the whole store.
    nik_aktif         CHAR(16) GENERATED ALWAYS AS (CASE WHEN status = 'AKTIF' THEN nik END),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_member_nik CHECK ((nik IS NULL) = tanpa_nik),
    CONSTRAINT ck_member_status_date CHECK ((status = 'AKTIF') = (status_tanggal IS NULL))
);
CREATE UNIQUE INDEX uq_member_nik_aktif ON member (nik_aktif);
CREATE INDEX ix_member_nik ON member (nik);
CREATE INDEX ix_member_household ON member (household_id, urut);
