package id.berkasdesa.village;

import id.berkasdesa.db.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Reads and records the village profile (one row). */
public final class VillageService {

    private final Database db;
    private final Clock clock;
    private final id.berkasdesa.settings.SettingsStore settings;

    /** The setting's name: whether the village uses RW at all (many have dusun and RT only). */
    private static final String USES_RW = "desa.memakaiRw";

    public VillageService(Database db, Clock clock, id.berkasdesa.settings.SettingsStore settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /** Whether the village has RW (the default); if not, the KK form hides the field and every household's RW is "-". */
    public boolean usesRw() {
        return !"false".equals(settings.read(USES_RW).get(USES_RW));
    }

    /** The Administrator's setting (Berkas → Pengaturan desa). */
    public void usesRw(boolean uses) {
        db.require("settings.change");
        settings.write(java.util.Map.of(USES_RW, Boolean.toString(uses)));
    }

    public Optional<VillageProfile> profile() {
        return db.read(h -> h.createQuery("""
                SELECT kode_desa, nama_desa, nama_kantor, nama_operator, sample, nama_kepala_desa
                FROM village_profile WHERE id = 1
                """).map((rs, ctx) -> new VillageProfile(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getString(6))).findOne());
    }

    /** Forgets the village profile if it is the sample one, so the setup runs again. */
    public void deleteSampleProfile() {
        db.write("village.clearSample", h -> h.createUpdate("DELETE FROM village_profile WHERE sample").execute());
    }

    public void save(VillageProfile p) {
        db.write("village.save", h -> h.createUpdate("""
                MERGE INTO village_profile t USING (SELECT 1 AS id) s ON t.id = s.id
                WHEN MATCHED THEN UPDATE SET kode_desa = :kodeDesa, nama_desa = :namaDesa, nama_kantor = :namaKantor,
                     nama_operator = :namaOperator, sample = :sample, nama_kepala_desa = :namaKepalaDesa
                WHEN NOT MATCHED THEN INSERT (id, kode_desa, nama_desa, nama_kantor, nama_operator, sample,
                     nama_kepala_desa, created_at)
                     VALUES (1, :kodeDesa, :namaDesa, :namaKantor, :namaOperator, :sample, :namaKepalaDesa, :now)
                """).bindMethods(p).bind("now", OffsetDateTime.now(clock)).execute());
    }
}
