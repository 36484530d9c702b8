-- Two settings of the office: whether a plain (unencrypted, unsigned) bundle is received at all — from
-- an older app or a village that exported without the district's key — and then marked unsigned; and
-- the columns of the collective recommendation's annex (NULL: the default set), as the official
-- upload columns are not public and differ by branch.
ALTER TABLE dinas_office ADD COLUMN allow_plain BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dinas_office ADD COLUMN annex_columns VARCHAR(2000);
ALTER TABLE dinas_bundle ADD COLUMN unsigned BOOLEAN DEFAULT FALSE NOT NULL;
