-- Roles and the trail that hold against someone who has the files and one password (decision 0014).
-- Each account has an Ed25519 signing key (its private half sealed under that person's password in
-- the key file); the store's certifying key signs every account's line (role, active, key) and every
-- signing key; each trail entry is signed by the key of the person who did the work.
ALTER TABLE operator_account ADD COLUMN sign_key VARCHAR(60);
ALTER TABLE operator_account ADD COLUMN cert VARCHAR(100);

ALTER TABLE audit_entry ADD COLUMN signer VARCHAR(16);
ALTER TABLE audit_entry ADD COLUMN signature VARCHAR(100);

-- Every key that ever signed for an account (a reset gives a new one; old entries keep theirs), and
-- the first trail entry it signs: an account's entries before its first key were written unsigned.
CREATE TABLE account_key (
    key_id      VARCHAR(16)  NOT NULL,
    account_id  UUID         NOT NULL,
    public_key  VARCHAR(60)  NOT NULL,
    since_seq   BIGINT       NOT NULL,
    cert        VARCHAR(100) NOT NULL,
    CONSTRAINT pk_account_key PRIMARY KEY (key_id),
    CONSTRAINT fk_account_key_account FOREIGN KEY (account_id) REFERENCES operator_account (id)
);

-- The certifying key's public half and the first trail entry that must be signed (one row, itself
-- signed by the certifying key).
CREATE TABLE trust_root (
    id           INTEGER      NOT NULL,
    public_key   VARCHAR(60)  NOT NULL,
    signed_from  BIGINT       NOT NULL,
    signature    VARCHAR(100) NOT NULL,
    CONSTRAINT pk_trust_root PRIMARY KEY (id),
    CONSTRAINT trust_root_one_row CHECK (id = 1)
);
