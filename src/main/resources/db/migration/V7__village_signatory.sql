-- The village's default signatory (Kepala Desa / Lurah) is village data, apart from whoever operates
-- the app: the cover letter and the printed list carry this name under "Kepala Desa". Empty until set.
ALTER TABLE village_profile ADD COLUMN nama_kepala_desa VARCHAR(200);
