package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Role;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team's attack on a copied data folder: someone with a lower role's password opens the H2
 * file directly (plain JDBC with the key their password unwraps, not the app's code) and changes
 * roles, accounts and the trail. The app's sign-in, {@code check} and {@code audit verify} (signed in
 * as the Administrator, whose password opens the anchor) name each change (decision 0014).
 */
class TamperedStoreTest {

    static final String ADMIN = "Rina";
    static final String ADMIN_PASSWORD = "kopi tubruk pagi hari";

    @TempDir
    Path dir;

    record Made(String operatorPassword, String pemeriksaPassword) {
    }

    /** An Administrator, an Operator and a Pemeriksa; some work by each; the Administrator signs out last. */
    Made store() {
        String op;
        String pe;
        try (Wiring w = Wiring.open(dir, Clock.systemDefaultZone())) {
            w.villages().save(new VillageProfile("32.01.01.1001", "Pondok Rajeg", "Kantor Desa", ADMIN, false));
            w.accounts().createFirstAdministrator(ADMIN, ADMIN_PASSWORD.toCharArray());
            op = w.accounts().addWithNewPassword("Budi", Role.OPERATOR).password();
            pe = w.accounts().addWithNewPassword("Citra", Role.PEMERIKSA).password();
            w.accounts().lockMinutes(15);
            w.accounts().signOut();
            w.accounts().signIn("Budi", op.toCharArray());
            w.accounts().signOut();
            w.accounts().signIn(ADMIN, ADMIN_PASSWORD.toCharArray());
            w.accounts().lockMinutes(20);
            w.accounts().lockMinutes(25);
        } // closing seals Rina's checkpoint: the newest entry she saw
        return new Made(op, pe);
    }

    /** Opens the store as an outsider would with {@code name}'s password, and runs {@code sql}. */
    void outsider(String name, String password, String... sql) throws Exception {
        id.berkasdesa.keys.Outsider.run(dir, name, password, sql);
    }

    CliRun asAdmin(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString(), "--user", ADMIN));
        all.addAll(List.of(args));
        return CliRun.of(Map.of("BERKAS_DESA_PASSWORD", ADMIN_PASSWORD), all.toArray(String[]::new));
    }

    @Test
    void anUntouchedStoreChecksClean() {
        store();
        CliRun verify = asAdmin("audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).doesNotContain("changed");
        assertThat(asAdmin("check").exit()).isZero();
    }

    @Test
    void aPemeriksaWhoMakesThemselvesAdministratorIsNamedAndCannotSignInSo() throws Exception {
        Made m = store();
        outsider("Citra", m.pemeriksaPassword(), "UPDATE operator_account SET role = 'ADMINISTRATOR' WHERE name = 'Citra'");

        CliRun verify = asAdmin("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("Akun Citra: peran, status, atau kuncinya diubah di luar aplikasi");
        CliRun check = asAdmin("check");
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("Akun Citra");

        try (Wiring w = Wiring.unlock(dir, Clock.systemDefaultZone(), "Citra", m.pemeriksaPassword().toCharArray())) {
            assertThatThrownBy(() -> w.accounts().signIn("Citra", m.pemeriksaPassword().toCharArray()))
                    .isInstanceOfSatisfying(MessageException.class, e -> assertThat(e.key()).isEqualTo("account.signin.tampered"));
        }
    }

    @Test
    void anAccountAddedOrReEnabledOutsideTheAppIsNamed() throws Exception {
        Made m = store();
        try (Wiring w = Wiring.unlock(dir, Clock.systemDefaultZone(), ADMIN, ADMIN_PASSWORD.toCharArray())) {
            w.accounts().signIn(ADMIN, ADMIN_PASSWORD.toCharArray());
            w.accounts().disable("Citra");
        }
        // Budi copies Rina's row as a new Administrator "Dodi" with Budi's own password hash, and re-enables Citra
        outsider("Budi", m.operatorPassword(),
                "INSERT INTO operator_account (id, name, name_key, role, active, password_hash, must_change, failed_count, "
                        + "lock_count, created_at) SELECT RANDOM_UUID(), 'Dodi', 'dodi', 'ADMINISTRATOR', TRUE, password_hash, "
                        + "FALSE, 0, 0, created_at FROM operator_account WHERE name = 'Budi'",
                "UPDATE operator_account SET active = TRUE WHERE name = 'Citra'");

        CliRun verify = asAdmin("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("Akun Dodi:").contains("Akun Citra:").doesNotContain("Akun Budi:");
    }

    @Test
    void anotherPersonsEntryRewrittenWithTheChainRecomputedIsNamed() throws Exception {
        Made m = store();
        // Budi turns Rina's newest "lock minutes" change into a household save, and recomputes every hash after it
        long changed;
        try (Connection c = id.berkasdesa.keys.Outsider.connect(dir, "Budi", m.operatorPassword())) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT MAX(seq) FROM audit_entry WHERE operator = 'Rina' AND action = 'settings.change'")) {
                rs.next();
                changed = rs.getLong(1);
            }
            String prev = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT seq, at, operator, action, entity, entity_id, fields, prev FROM audit_entry WHERE seq >= "
                            + changed + " ORDER BY seq");
                    PreparedStatement u = c.prepareStatement("UPDATE audit_entry SET action = ?, prev = ?, hash = ? WHERE seq = ?")) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String action = seq == changed ? "household.save" : rs.getString(4);
                    String p = prev == null ? rs.getString(8) : prev;
                    List<String> fields = rs.getString(7).isEmpty() ? List.of() : List.of(rs.getString(7).split(","));
                    String hash = AuditChain.hash(seq, rs.getString(2), rs.getString(3), action, rs.getString(5),
                            rs.getString(6), fields, p);
                    u.setString(1, action);
                    u.setString(2, p);
                    u.setString(3, hash);
                    u.setLong(4, seq);
                    u.executeUpdate();
                    prev = hash;
                }
            }
        }

        CliRun verify = asAdmin("audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.out()).contains("\"ok\":false").contains("tidak ditandatangani oleh orang yang namanya tercatat")
                .contains("(entri " + changed);
        assertThat(verify.out()).doesNotContain("brokenAt"); // the chain itself holds: only the signatures tell
    }

    @Test
    void theNewestEntriesCutOffAreCaughtAgainstTheAdministratorsCheckpoint() throws Exception {
        Made m = store();
        outsider("Citra", m.pemeriksaPassword(), "DELETE FROM audit_entry WHERE seq > (SELECT MAX(seq) - 2 FROM audit_entry)");

        // a fresh JVM: what a person's shell runs
        CliRun verify = CliRun.child(Map.of("BERKAS_DESA_PASSWORD", ADMIN_PASSWORD), "--data-dir", dir.toString(), "--user",
                ADMIN, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isEqualTo(1);
        assertThat(verify.out()).contains("Rekam jejak dipotong");
    }

    @Test
    void aCutTrailWithTheKeyFileRolledBackTooIsCaughtAgainstABackup(@TempDir Path stick) throws Exception {
        Made m = store();
        java.nio.file.Path keyFile = dir.resolve(KeyRing.FILE);
        byte[] olderKeyFile = java.nio.file.Files.readAllBytes(keyFile);
        CliRun backup = asAdmin("backup", "--to", stick.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        Path made;
        try (var files = java.nio.file.Files.list(stick)) {
            made = files.filter(java.nio.file.Files::isRegularFile).findFirst().orElseThrow();
        }
        // the newest entries (the backup's among them) cut, and the key file put back as it was before
        outsider("Budi", m.operatorPassword(), "DELETE FROM audit_entry WHERE seq > (SELECT MAX(seq) - 2 FROM audit_entry)");
        java.nio.file.Files.write(keyFile, olderKeyFile);

        assertThat(asAdmin("audit", "verify").exit()).isZero(); // the rolled-back checkpoint knows no later head
        CliRun against = asAdmin("audit", "verify", "--backup", made.toString());
        assertThat(against.exit()).as(against.out() + against.err()).isEqualTo(1);
        assertThat(against.out()).contains("sudah tercatat di cadangan " + made.getFileName());
    }

    @Test
    void aStoreFromBeforeSigningGetsItsKeysAtTheAdministratorsSignInAndChecksClean() throws Exception {
        Made m = store();
        // as a store made before signed trails: no certifying key, no signing keys, no signatures
        outsider(ADMIN, ADMIN_PASSWORD, "DELETE FROM trust_root", "DELETE FROM account_key",
                "UPDATE operator_account SET sign_key = NULL, cert = NULL",
                "UPDATE audit_entry SET signer = NULL, signature = NULL");
        try (Wiring w = Wiring.unlock(dir, Clock.systemDefaultZone(), "Budi", m.operatorPassword().toCharArray())) {
            w.accounts().signIn("Budi", m.operatorPassword().toCharArray());
            assertThat(w.accounts().identity()).isEmpty(); // no key yet: his work is written unsigned
            w.households().save(id.berkasdesa.household.Households.family(1), true);
        }
        String budi;
        try (Wiring w = Wiring.unlock(dir, Clock.systemDefaultZone(), ADMIN, ADMIN_PASSWORD.toCharArray())) {
            w.accounts().signIn(ADMIN, ADMIN_PASSWORD.toCharArray());
            assertThat(w.accounts().identity()).hasValueSatisfying(i -> assertThat(i.certifying()).isPresent());
            assertThat(w.audit().verify().changed()).isEmpty();
            // a new first password gives Budi a certified key
            budi = w.accounts().resetWithNewPassword("Budi");
            assertThat(w.audit().verify().changed()).isEmpty();
        }
        assertThat(asAdmin("audit", "verify").exit()).isZero();
        // from here on a role changed outside the app is named, as in a store made signing
        outsider("Budi", budi, "UPDATE operator_account SET role = 'ADMINISTRATOR' WHERE name = 'Budi'");
        assertThat(asAdmin("audit", "verify").out()).contains("Akun Budi:");
    }
}
