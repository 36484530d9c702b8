package id.berkasdesa.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key file names nobody: a login is written as a salted hash, and it still unlocks by the name typed
 * in any case. A key file from before (logins in clear) unlocks too and is rewritten hashed at the next
 * opening.
 */
class KeyRingLoginsTest {

    @TempDir
    Path dir;

    private static String phc(String password) {
        return new id.berkasdesa.account.Passwords(id.berkasdesa.account.Passwords.Cost.OWASP_MINIMUM)
                .hash(password.toCharArray());
    }

    @Test
    void loginsAreHashedAndStillUnlockAndAnOlderFileIsRewritten() throws Exception {
        KeyRing ring = KeyRing.generate(dir);
        ring.save();
        String rina = phc("jendela mangga sepeda hujan");
        String budi = phc("teh manis jalan pagi");
        ring.keepOnly(Map.of("Rina Wulandari", rina), phc("kode pemulihan uji"), "Pondok Rajeg — Kantor Desa");
        ring.wrapAsBefore("Budi Santoso", budi); // as a key file from before wrote it
        String before = Files.readString(KeyRing.file(dir)).toLowerCase(Locale.ROOT);
        assertThat(before).doesNotContain("rina").contains("budi santoso");

        assertThat(KeyRing.unlock(dir, "RINA wulandari ", "jendela mangga sepeda hujan".toCharArray()).key().bytes())
                .isEqualTo(ring.key().bytes());
        KeyRing opened = KeyRing.unlock(dir, "Budi Santoso", "teh manis jalan pagi".toCharArray());
        // the next opening makes the wraps those of the store's accounts: Budi's is sealed again under its hash
        opened.keepOnly(Map.of("Rina Wulandari", rina, "Budi Santoso", budi), phc("kode pemulihan uji"),
                "Pondok Rajeg — Kantor Desa");
        String after = Files.readString(KeyRing.file(dir)).toLowerCase(Locale.ROOT);
        assertThat(after).doesNotContain("rina").doesNotContain("budi");
        assertThat(KeyRing.unlock(dir, "budi santoso", "teh manis jalan pagi".toCharArray()).key().bytes())
                .isEqualTo(ring.key().bytes());
    }
}
