-- Decisions in two steps (issue 28): a Verifikator proposes (Disetujui, Ditolak, Perlu perbaikan, with
-- a reason from the list and a note), a Pengesah endorses, after which the decision is locked. The
-- district's roles join the accounts. row_version grows with every change of a request, so that two
-- officers' changes never pass each other unseen. Reasons an Administrator adds beside the built-in ones.
ALTER TABLE operator_account DROP CONSTRAINT operator_account_role_known;
ALTER TABLE operator_account ADD CONSTRAINT operator_account_role_known
    CHECK (role IN ('ADMINISTRATOR', 'OPERATOR', 'PEMERIKSA', 'VERIFIKATOR', 'PENGESAH'));

ALTER TABLE dinas_request ADD COLUMN decision VARCHAR(20);
ALTER TABLE dinas_request ADD COLUMN reason_code VARCHAR(40);
ALTER TABLE dinas_request ADD COLUMN decision_note VARCHAR(1000);
ALTER TABLE dinas_request ADD COLUMN decided_by VARCHAR(100);
ALTER TABLE dinas_request ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dinas_request ADD COLUMN endorsed_by VARCHAR(100);
ALTER TABLE dinas_request ADD COLUMN endorsed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dinas_request ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE dinas_request ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dinas_request ADD COLUMN row_version INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE dinas_request_version ADD COLUMN decision VARCHAR(20);
ALTER TABLE dinas_request_version ADD COLUMN reason_code VARCHAR(40);
ALTER TABLE dinas_request_version ADD COLUMN endorsed_by VARCHAR(100);

CREATE TABLE dinas_reason (
    code            VARCHAR(40)   NOT NULL,
    reason_text     VARCHAR(300)  NOT NULL,
    added_by        VARCHAR(100)  NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_dinas_reason PRIMARY KEY (code)
);
