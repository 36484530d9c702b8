package id.berkasdesa.imports;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.adminduk.Sex;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real store in a temp folder for Desa Pondok Rajeg (Kec. Cibinong, 32.01.01), and OpenSID rows for it. */
public final class ImportStore implements AutoCloseable {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    public static final VillageProfile VILLAGE = new VillageProfile("32.01.01.1001", "Pondok Rajeg",
            "Kantor Desa Pondok Rajeg", "Rina Operator", false);
    /** The OpenSID columns these tests' files have (in an order of their own: OpenSID finds columns by name). */
    public static final List<Object> HEADER = Sheets.row("nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir",
            "agama_id", "pendidikan_kk_id", "pekerjaan_id", "status_kawin", "kk_level", "warganegara_id", "nama_ayah",
            "nama_ibu", "alamat", "dusun", "rt", "rw", "golongan_darah_id", "status_dasar");

    public final Wiring wiring;

    public ImportStore(Path dir) {
        this(dir, Clock.fixed(TODAY.atTime(10, 0).atZone(JAKARTA).toInstant(), JAKARTA));
    }

    public ImportStore(Path dir, Clock clock) {
        this(dir, clock, VILLAGE);
    }

    /** A store set up for {@code village}. */
    public ImportStore(Path dir, Clock clock, VillageProfile village) {
        wiring = Wiring.open(dir, clock);
        wiring.villages().save(village);
        wiring.actAsVillageOperator();
    }

    public static String kk(int seed) {
        return "3201011203%06d".formatted(seed);
    }

    /** A person row under {@link #HEADER}: a valid NIK of 32.01.01, Islam, SLTA, petani, WNI. */
    public static List<Object> person(int kk, String nama, Sex sex, LocalDate born, int shdk, int serial) {
        return Sheets.row(nama, kk(kk), Households.nik(born, sex, serial), sex == Sex.L ? "L" : "P", "BOGOR",
                "%02d-%02d-%04d".formatted(born.getDayOfMonth(), born.getMonthValue(), born.getYear()), "1",
                "SLTA / SEDERAJAT", "9", shdk == 4 ? "1" : "2", String.valueOf(shdk), "1", "AYAH " + nama, "IBU " + nama,
                "JL. MAWAR " + kk, "KRAJAN", "1", "2", "13", "1");
    }

    /** A family of three (head, wife, child) for KK {@code kk}. */
    public static List<List<Object>> family(int kk) {
        LocalDate head = LocalDate.of(1980, 1 + kk % 12, 1 + kk % 28);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(person(kk, "BUDI " + kk, Sex.L, head, 1, 1000 + kk));
        rows.add(person(kk, "SITI " + kk, Sex.P, head.plusYears(2), 3, 1000 + kk));
        rows.add(person(kk, "ANAK " + kk, Sex.L, head.plusYears(25), 4, 1000 + kk));
        return rows;
    }

    public static List<List<Object>> withHeader(List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        return all;
    }

    public ImportService imports() {
        return wiring.imports();
    }

    public Map<String, Household> register() {
        return wiring.households().register();
    }

    public long auditHead() {
        return id.berkasdesa.audit.AuditService.headOf(wiring.db()).map(id.berkasdesa.audit.AuditEntry::seq).orElse(0L);
    }

    @Override
    public void close() {
        wiring.close();
    }
}
