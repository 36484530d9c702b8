package id.berkasdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.account.Account;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Role;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.household.Households;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ganti kunci data after an account is disabled: the person gone kept a copy of the data folder and
 * knows their password; after the new key neither their copy of the key file nor anyone's old key
 * file opens the store, while everyone still active signs in as before and nothing is lost.
 */
class RekeyTest {

    @TempDir
    Path tmp;

    @Test
    void afterANewKeyAnOldKeyFileAndAnOldPasswordOpenNothingAndTheActiveStillSignIn() throws Exception {
        Path dir = tmp.resolve("desa");
        BackupStores.make(dir, tmp.resolve("scans"), 4, 900);
        String budi;
        String citra;
        try (Wiring w = BackupStores.signedIn(dir)) {
            budi = w.accounts().addWithNewPassword("Budi", Role.OPERATOR).password();
            citra = w.accounts().addWithNewPassword("Citra", Role.PEMERIKSA).password();
        }
        Path copied = tmp.resolve("salinan-citra");
        BackupServiceTest.copyTree(dir, copied); // what Citra took home before she left
        try (Wiring w = BackupStores.signedIn(dir)) {
            w.accounts().disable("Citra");
            Rekey.Result r = w.backups().rekey(
                    w.accounts().list().stream().filter(Account::active).map(Account::name).toList(), Progress.none());
            assertThat(r.preview().withoutBox()).isEmpty();
            assertThat(r.preview().recoveryLost()).isFalse();
            assertThat(r.documents()).isPositive();
            // this opening writes nothing more: a save would land in the store being replaced
            assertThatThrownBy(() -> w.households().save(Households.family(990), true))
                    .isInstanceOf(StoreException.class)
                    .extracting(e -> ((MessageException) e).key()).isEqualTo("store.error.retired");
        }
        Restore.finish(dir);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(Restore.ASIDE) || n.equals(Restore.WORK));
        }

        // the store as it is now, with the key file Citra kept: her password opens that file's key, not the store
        Path mixed = tmp.resolve("campur");
        BackupServiceTest.copyTree(dir, mixed);
        Files.copy(KeyRing.file(copied), KeyRing.file(mixed), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(KeyRing.unlock(mixed, "Citra", citra.toCharArray()).key().fileKey())
                .isEqualTo(KeyRing.unlock(copied, "Citra", citra.toCharArray()).key().fileKey());
        assertThatThrownBy(() -> Wiring.unlock(mixed, BackupStores.CLOCK, "Citra", citra.toCharArray()).close())
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> Wiring.unlock(mixed, BackupStores.CLOCK, BackupStores.ADMIN, BackupStores.PASSWORD).close())
                .isInstanceOf(StoreException.class);
        // the current key file opens nothing for her, and holds no wrap a password hash in the store gives
        assertThatThrownBy(() -> KeyRing.unlock(dir, "Citra", citra.toCharArray()))
                .isInstanceOf(id.berkasdesa.keys.KeyException.class);
        JsonNode file = new ObjectMapper().readTree(KeyRing.file(dir).toFile());
        assertThat(file.path("wraps")).isEmpty();
        assertThat(file.path("recovery").isMissingNode() || file.path("recovery").isNull()).isTrue();

        // Budi, still active, opens the store with his password as before
        try (Wiring w = Wiring.unlock(dir, BackupStores.CLOCK, "Budi", budi.toCharArray())) {
            w.accounts().signIn("Budi", budi.toCharArray());
        }
        try (Wiring w = BackupStores.signedIn(dir)) {
            StoreCheck.Report report = w.backups().check(Progress.none());
            assertThat(report.problems()).isEmpty();
            assertThat(report.missingDocuments()).isZero();
            assertThat(report.households()).isEqualTo(4);
            id.berkasdesa.audit.AuditChain.Verdict trail = w.audit().verify();
            assertThat(trail.broken()).isEmpty();
            assertThat(trail.changed()).isEmpty();
            assertThat(w.audit().entries(id.berkasdesa.audit.AuditService.Filter.ALL).stream()
                    .map(id.berkasdesa.audit.AuditEntry::action)).contains("backup.rekey");
        }
    }
}
