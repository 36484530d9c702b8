-- Who may sign in, with what role. Never deleted (the audit trail names them): disabled instead.
-- The password is kept only as its Argon2id hash, with the parameters it was made with.
CREATE TABLE operator_account (
    id            UUID PRIMARY KEY,
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
    CONSTRAINT operator_account_name_unique UNIQUE (name_key),
    CONSTRAINT operator_account_role_known CHECK (role IN ('ADMINISTRATOR', 'OPERATOR', 'PEMERIKSA'))
);

-- The Administrator's recovery code, as its Argon2id hash (one row).
CREATE TABLE recovery_code (
    id         SMALLINT     PRIMARY KEY,
    code_hash  VARCHAR(300) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recovery_code_one_row CHECK (id = 1)
);

-- The audit trail: one entry per unit of work, hash-chained (hash = SHA-256 of the canonical form of
-- the entry, prev = the hash of the entry before). Names of the fields changed, never their values.
-- "at" is the ISO-8601 instant text that was hashed, so the chain re-verifies byte for byte.
CREATE TABLE audit_entry (
    seq       BIGINT        PRIMARY KEY,
    at        VARCHAR(30)   NOT NULL,
    operator  VARCHAR(100)  NOT NULL,
    action    VARCHAR(60)   NOT NULL,
    entity    VARCHAR(40)   NOT NULL,
    entity_id VARCHAR(40)   NOT NULL,
    fields    VARCHAR(1000) NOT NULL,
    prev      CHAR(64)      NOT NULL,
    hash      CHAR(64)      NOT NULL
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_id);
