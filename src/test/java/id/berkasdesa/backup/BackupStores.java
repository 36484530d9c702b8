package id.berkasdesa.backup;

import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** An encrypted village store with an Administrator, households and scans, as the backup tests need it. */
final class BackupStores {

    static final Clock CLOCK = Clock.systemDefaultZone();
    static final String ADMIN = "Ani";
    static final char[] PASSWORD = "kata sandi kantor desa".toCharArray();

    private BackupStores() {
    }

    /** @return the recovery code */
    static String make(Path dir, Path scans, int families, int firstSeed) throws Exception {
        Files.createDirectories(scans);
        try (Wiring w = Wiring.open(dir, CLOCK)) {
            w.villages().save(new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor Kelurahan Pondok Rajeg", ADMIN, false));
            w.actAsVillageOperator();
            String recovery = w.accounts().createFirstAdministrator(ADMIN, PASSWORD);
            w.accounts().signIn(ADMIN, PASSWORD);
            for (int i = 0; i < families; i++) {
                Household h = w.households().save(Households.family(firstSeed + i), true).household();
                if (i % 2 == 0) {
                    Path scan = TestFiles.jpeg(scans.resolve("scan" + firstSeed + "-" + i + ".jpg"), 640, 480, firstSeed + i);
                    w.documents().attach(new DocumentService.Attach(h.id(), h.members().get(0).id(), DocumentKind.SKTM,
                            null, LocalDate.now(), null, null), List.of(scan));
                }
            }
            return recovery;
        }
    }

    static Wiring signedIn(Path dir) {
        Wiring w = Wiring.unlock(dir, CLOCK, ADMIN, PASSWORD);
        w.accounts().signIn(ADMIN, PASSWORD);
        return w;
    }
}
