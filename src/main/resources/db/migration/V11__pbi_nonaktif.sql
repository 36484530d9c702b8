-- Residents the Dinas Sosial's list (BNBA from SIKS-NG/DTSEN) names as deactivated PBI-JK: where
-- reactivation work starts (the Calon usulan list). One row per member; a newer list replaces the
-- date. Only members of this register are kept; the list's unmatched NIKs are never stored.
CREATE TABLE pbi_nonaktif (
    member_id   UUID         PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    deleted_on  DATE         NOT NULL,
    list_name   VARCHAR(200) NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_pbi_nonaktif_deleted ON pbi_nonaktif (deleted_on);
