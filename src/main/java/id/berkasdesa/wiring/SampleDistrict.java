package id.berkasdesa.wiring;

import id.berkasdesa.common.Folders;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.document.RequirementPreset;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.PublicKeys;
import id.berkasdesa.request.RequestSummary;
import id.berkasdesa.request.SampleRequests;
import id.berkasdesa.village.SampleVillage;
import id.berkasdesa.village.VillageProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.DoubleConsumer;

/**
 * "Coba dengan data contoh" for a Dinas Sosial: the office of the sample village's kabupaten (Bogor,
 * 32.01), named as an example, with the bundles of three invented villages in its store — each made as
 * a village makes it (a store of its own in a temporary folder: households, requests ready with their
 * faskes letter, exported encrypted and signed to this office's key) and received as bundles from a
 * stick are. Nothing in it is real: the villages' codes (32.01.01.9997 to 9999) exist nowhere, and the
 * people are invented as the sample village's are. The temporary folder is deleted after.
 */
public final class SampleDistrict {

    public static final String KABUPATEN = "32.01";
    public static final String OFFICE = "Dinas Sosial Kabupaten Bogor (CONTOH)";
    /** The invented villages: code and name. */
    static final String[][] VILLAGES = {{"32.01.01.9997", "DESA CONTOH SATU (FIKTIF)"},
        {"32.01.01.9998", "DESA CONTOH DUA (FIKTIF)"}, {"32.01.01.9999", "DESA CONTOH TIGA (FIKTIF)"}};
    static final int HOUSEHOLDS = 15;
    /** Ready requests per village: one bundle each. */
    static final int REQUESTS = 4;

    private SampleDistrict() {
    }

    /** Whether {@code office} is this example office (its kabupaten and its name, which a real office is not given). */
    public static boolean isSample(id.berkasdesa.dinas.DinasService.Office office) {
        return office.kabupaten().equals(KABUPATEN) && office.officeName().equals(OFFICE);
    }

    /**
     * Sets {@code district} (a new store, not set up yet) up as the example office and receives the
     * three villages' bundles.
     *
     * @param work a new folder for the villages' stores and their stick, deleted with all it holds after
     * @return the requests received
     */
    public static int fill(Wiring district, Clock clock, Path work, DoubleConsumer progress) throws IOException {
        district.dinas().setUp(KABUPATEN, OFFICE);
        PublicKeys office = district.officeKeys().publicKeys();
        try {
            Path stick = Files.createDirectories(work.resolve("flashdisk"));
            for (int i = 0; i < VILLAGES.length; i++) {
                village(work.resolve("desa-" + i), clock, VILLAGES[i][0], VILLAGES[i][1], i + 1, office, stick);
                progress.accept((i + 1) / (VILLAGES.length + 1.0));
            }
            int received = 0;
            for (Path bundle : DinasService.bundlesIn(stick)) {
                received += district.dinas().receive(bundle, Progress.none()).requests();
            }
            progress.accept(1);
            return received;
        } finally {
            Folders.delete(work);
        }
    }

    /** One invented village's store: its households and ready requests, exported to {@code stick} for {@code office}. */
    private static void village(Path dir, Clock clock, String code, String name, long seed, PublicKeys office, Path stick) {
        try (Wiring v = Wiring.open(dir, clock)) {
            v.villages().save(new VillageProfile(code, name, "Kantor " + name, "Operator Contoh", true, "KEPALA DESA CONTOH"));
            v.actAsVillageOperator();
            SampleVillage.fill(v.villages(), v.households(), HOUSEHOLDS, seed, x -> { });
            // the central guidance of 2026: the faskes letter alone, so that the requests are ready with one scan
            DocumentSettings now = v.documents().settings();
            v.documents().saveSettings(new DocumentSettings(RequirementPreset.PUSAT_2026, now.maxCopyBytes(), now.expiryMonths()));
            SampleRequests.fillReady(v.requests(), v.households(), v.documents(), REQUESTS, 1, true, seed, n -> { });
            v.districtKeys().importKey(office, true);
            List<UUID> ready = v.bundles().candidates().stream().map(RequestSummary::id).toList();
            v.bundles().export(ready, stick, Progress.none());
        }
    }
}
