-- The save-time check for likely duplicates looks members up by folded name and birth date.
CREATE INDEX ix_member_name_birth ON member (nama_cari, tanggal_lahir);
