-- Many villages have dusun and RT but no RW: such a household's RW is '-' (as OpenSID writes it).
-- The column becomes variable-length so that '-' is stored as it is, never padded.
ALTER TABLE household ALTER COLUMN rw SET DATA TYPE VARCHAR(3);
