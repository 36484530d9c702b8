package id.berkasdesa.dinas;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.village.VillageProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Real bundles from five real village stores, made once per JVM for the district's tests (the village
 * stores take a while), encrypted to {@link #DISTRICT}; removed when the JVM ends.
 */
public final class VillageBundles {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final LocalDate SENT = LocalDate.of(2026, 11, 23);
    public static final KeyPair DISTRICT = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor");

    static Path villages;

    /** Pondok Rajeg's first bundle (families 1, 2; 1 urgent), its later one (2 sent again, 5), Karadenan's (1 again: the same NIK, 3). */
    static Path pondokFirst;
    static Path pondokLater;
    static Path karadenan;
    /** Harapanjaya's bundle, and one from a second PC that claims to be Harapanjaya (another key). */
    static Path harapanjaya;
    static Path harapanjayaOtherKey;
    /** Palabuhanratu is in Kabupaten Sukabumi; the other district's bundle is Pondok Rajeg's, to Sukabumi. */
    static Path palabuhanratu;
    static Path toSukabumi;
    /** Cibinong's bundle, plain: exported without the district's key (an older app's way). */
    static Path cibinongPlain;
    static String pondokRequestTwo;

    private VillageBundles() {
    }

    /** The stick the villages of Kabupaten Bogor sent their bundles on: Pondok Rajeg's two, Karadenan's, Harapanjaya's. */
    public static Path stick() throws Exception {
        make();
        return pondokFirst.getParent();
    }

    public static synchronized void make() throws Exception {
        if (villages != null) {
            return;
        }
        villages = Files.createTempDirectory("dinas-desa");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> id.berkasdesa.common.Folders.delete(villages)));
        Clock sent = Clock.fixed(SENT.atTime(10, 30).atZone(JAKARTA).toInstant(), JAKARTA);
        KeyPair sukabumi = KeyPair.generate("dinas", "32.02", "Dinas Sosial Kabupaten Sukabumi");
        Path stick = Files.createDirectories(villages.resolve("flashdisk"));
        Path elsewhere = Files.createDirectories(villages.resolve("lain"));
        try (BundleStore pondok = village("pondok", sent, "32.01.01.1001", "Pondok Rajeg", 1, 2)) {
            pondokFirst = export(pondok, pondok.ready, stick);
            pondokRequestTwo = pondok.ready.get(1).toString();
            UUID five = pondok.readyRequest(5);
            pondokLater = export(pondok, List.of(pondok.ready.get(1), five), stick);
            pondok.services().districtKeys().importKey(sukabumi.publicKeys(), true);
            toSukabumi = export(pondok, List.of(five), elsewhere);
        }
        try (BundleStore k = village("karadenan", sent, "32.01.01.1002", "Karadenan", 1, 3)) {
            karadenan = export(k, k.ready, stick);
        }
        try (BundleStore h = village("harapanjaya", sent, "32.01.01.1003", "Harapanjaya", 4)) {
            harapanjaya = export(h, h.ready, stick);
        }
        try (BundleStore h = village("harapanjaya-pc2", sent, "32.01.01.1003", "Harapanjaya", 6)) {
            harapanjayaOtherKey = export(h, h.ready, elsewhere);
        }
        try (BundleStore p = village("palabuhanratu", sent, "32.02.01.1001", "Palabuhanratu", 7)) {
            palabuhanratu = export(p, p.ready, elsewhere);
        }
        try (BundleStore c = new BundleStore(villages.resolve("cibinong"), villages.resolve("scans-cibinong"), sent,
                new VillageProfile("32.01.01.1004", "Cibinong", "Kantor Desa Cibinong", "Operator Cibinong", false), 8)) {
            cibinongPlain = export(c, c.ready, elsewhere);
        }
    }

    private static BundleStore village(String folder, Clock clock, String code, String name, int... seeds) {
        BundleStore s = new BundleStore(villages.resolve(folder), villages.resolve("scans-" + folder), clock,
                new VillageProfile(code, name, "Kantor Desa " + name, "Operator " + name, false), seeds);
        s.services().districtKeys().importKey(DISTRICT.publicKeys(), false);
        return s;
    }

    private static Path export(BundleStore s, List<UUID> ids, Path to) {
        return s.services().bundles().export(ids, to, Progress.none()).file();
    }

}
