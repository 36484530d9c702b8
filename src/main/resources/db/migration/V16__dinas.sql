-- A Dinas Sosial's store (issue 28). The office is one row; a village's store has none. The villages'
-- keys the office trusts (pinned by the first bundle, or ahead from a fingerprint given by letter or
-- phone), every bundle received (its village's audit head kept, to see a trail cut or rolled back),
-- and the requests in them: the latest version of each, earlier versions kept beside it.
CREATE TABLE dinas_office (
    id              INTEGER       NOT NULL,
    kabupaten       VARCHAR(5)    NOT NULL,
    kabupaten_name  VARCHAR(200)  NOT NULL,
    office_name     VARCHAR(200)  NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_office PRIMARY KEY (id),
    CONSTRAINT ck_dinas_office_one CHECK (id = 1)
);

CREATE TABLE dinas_village_key (
    kode_desa       VARCHAR(20)   NOT NULL,
    village_name    VARCHAR(200),
    fingerprint     VARCHAR(40)   NOT NULL,
    public_json     VARCHAR(8000),
    confirmed       BOOLEAN       NOT NULL,
    pinned_by       VARCHAR(100)  NOT NULL,
    pinned_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    replace_reason  VARCHAR(300),
    CONSTRAINT pk_dinas_village_key PRIMARY KEY (kode_desa)
);

CREATE TABLE dinas_bundle (
    bundle_id       VARCHAR(100)  NOT NULL,
    kode_desa       VARCHAR(20)   NOT NULL,
    file_name       VARCHAR(300)  NOT NULL,
    fingerprint     VARCHAR(40)   NOT NULL,
    audit_seq       BIGINT,
    audit_hash      VARCHAR(128),
    request_count   INTEGER       NOT NULL,
    received_by     VARCHAR(100)  NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_bundle PRIMARY KEY (bundle_id)
);
CREATE INDEX ix_dinas_bundle_village ON dinas_bundle (kode_desa, audit_seq);

CREATE TABLE dinas_request (
    id              VARCHAR(64)   NOT NULL,
    kode_desa       VARCHAR(20)   NOT NULL,
    bundle_id       VARCHAR(100)  NOT NULL,
    version         INTEGER       NOT NULL,
    nik             VARCHAR(40)   NOT NULL,
    no_kk           VARCHAR(40),
    person_name     VARCHAR(200),
    status          VARCHAR(20)   NOT NULL,
    checks          VARCHAR(400)  NOT NULL,
    urgent          VARCHAR(40),
    deleted_on      DATE,
    columns_json    VARCHAR(60000) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_request PRIMARY KEY (id),
    CONSTRAINT fk_dinas_request_bundle FOREIGN KEY (bundle_id) REFERENCES dinas_bundle (bundle_id)
);
CREATE INDEX ix_dinas_request_nik ON dinas_request (nik);
CREATE INDEX ix_dinas_request_village ON dinas_request (kode_desa, status);

CREATE TABLE dinas_request_version (
    request_id      VARCHAR(64)   NOT NULL,
    version         INTEGER       NOT NULL,
    bundle_id       VARCHAR(100)  NOT NULL,
    columns_json    VARCHAR(60000) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_request_version PRIMARY KEY (request_id, version)
);
