package id.berkasdesa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.audit.AuditEntry;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.AccessException;
import id.berkasdesa.household.Households;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts on a real store: the first Administrator, sign-in and its refusals, roles, recovery. */
class AccountServiceTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String ADMIN_PASSWORD = "kopi tubruk pagi hari";

    @TempDir
    Path dir;
    /** A clock the test moves: locks end when it says so. */
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T02:00:00Z"));
    Wiring w;
    AccountService accounts;
    String recoveryCode;

    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return JAKARTA;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    /** The suite's cheap password cost, put back after this class: here the production cost is what is tested. */
    private String suiteCost;

    @BeforeEach
    void open() {
        suiteCost = System.clearProperty(Passwords.Cost.TEST_PROPERTY);
        w = Wiring.open(dir, clock());
        w.villages().save(new VillageProfile("32.01.01.1001", "Pondok Rajeg", "Kantor Desa", "Rina", false));
        accounts = w.accounts();
        recoveryCode = accounts.createFirstAdministrator("Rina", ADMIN_PASSWORD.toCharArray());
    }

    @AfterEach
    void close() {
        if (suiteCost != null) {
            System.setProperty(Passwords.Cost.TEST_PROPERTY, suiteCost);
        }
        w.close();
    }

    private static String key(Throwable e) {
        return ((id.berkasdesa.common.MessageException) e).key();
    }

    private List<AuditEntry> trail() {
        w.db().actAs(new Session("Rina", Role.ADMINISTRATOR));
        return w.audit().entries(AuditService.Filter.ALL);
    }

    @Test
    void theFirstAdministratorIsSignedInAndGetsARecoveryCodeInSixGroupsOfFive() {
        assertThat(w.session()).isEqualTo(new Session("Rina", Role.ADMINISTRATOR));
        assertThat(recoveryCode).matches("([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}");
        assertThatThrownBy(() -> accounts.createFirstAdministrator("Budi", "kata sandi kedua".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("account.first.exists"));
        assertThat(accounts.list()).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo(Role.ADMINISTRATOR);
            assertThat(a.mustChange()).isFalse();
            assertThat(a.lastSignIn()).as("signed in when made: Pengguna never shows '-' for them").isNotNull();
        });
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADisabledOneAreRefusedAndRecorded() {
        accounts.add("Budi", Role.OPERATOR, "sementara123".toCharArray());
        accounts.signOut();
        assertThatThrownBy(() -> accounts.signIn("Rina", "kopi tubruk sore hari".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("account.signin.wrong"));
        assertThatThrownBy(() -> accounts.signIn("Siapa", ADMIN_PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("account.signin.wrong"));
        assertThat(w.session().signedIn()).isFalse();

        accounts.signIn("rina ", ADMIN_PASSWORD.toCharArray()); // the name in any case, with a stray space
        accounts.disable("Budi");
        accounts.signOut();
        assertThatThrownBy(() -> accounts.signIn("Budi", "sementara123".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("account.signin.disabled"));
        assertThat(trail()).extracting(AuditEntry::action).containsSubsequence("operator.first", "operator.add",
                "signin.failed", "signin.failed", "signin.ok", "operator.disable", "signin.failed");
    }

    @Test
    void fiveWrongPasswordsLockForFiveMinutesThenTenAndTheMessageSaysUntilWhen() {
        accounts.signOut();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> accounts.signIn("Rina", "salah salah salah".toCharArray()))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("account.signin.wrong"));
        }
        assertThatThrownBy(() -> accounts.signIn("Rina", "salah salah salah".toCharArray()))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.key()).isEqualTo("account.signin.locked");
                    assertThat(e.message(Messages.indonesian())).contains("09:05", "01-12-2026"); // 02:00 UTC + 5 min, WIB
                });
        // even the right password waits for the lock to end
        assertThatThrownBy(() -> accounts.signIn("Rina", ADMIN_PASSWORD.toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("account.signin.locked"));
        now.set(now.get().plusSeconds(5 * 60 + 1));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.signIn("Rina", "salah salah salah".toCharArray()))
                    .isInstanceOf(AccountException.class);
        }
        assertThatThrownBy(() -> accounts.signIn("Rina", ADMIN_PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(AccountException.class, e ->
                        assertThat(e.message(Messages.indonesian())).contains("09:15")); // doubled: 10 minutes
        now.set(now.get().plusSeconds(10 * 60 + 1));
        assertThat(accounts.signIn("Rina", ADMIN_PASSWORD.toCharArray()).session().role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(trail()).extracting(AuditEntry::action).filteredOn("signin.locked"::equals).hasSize(2);
    }

    /**
     * On an encrypted store a wrong password fails while the key is unwrapped, before the store opens:
     * the failures are counted outside it, the fifth locks the account (the right password then waits
     * too, refused before any hashing), and the trail gets every failure with its own time at the next
     * good sign-in. The count file names nobody.
     */
    @Test
    void wrongPasswordsBeforeAnEncryptedStoreOpensLockItAndReachTheTrailWithTheirTimes() throws Exception {
        w.close();
        assertThat(Wiring.needsPassword(dir)).isTrue();
        Instant start = now.get();
        for (int i = 0; i < 4; i++) {
            now.set(start.plusSeconds(i));
            assertThatThrownBy(() -> Wiring.unlock(dir, clock(), "Rina", "salah salah salah".toCharArray()))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("account.signin.wrong"));
        }
        now.set(start.plusSeconds(4));
        assertThatThrownBy(() -> Wiring.unlock(dir, clock(), "Rina", "salah salah salah".toCharArray()))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.key()).isEqualTo("account.signin.locked");
                    assertThat(e.message(Messages.indonesian())).contains("09:05", "01-12-2026");
                });
        for (int i = 0; i < 2; i++) { // the sixth and seventh try, the right password among them: still locked
            String typed = i == 0 ? "salah salah salah" : ADMIN_PASSWORD;
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> Wiring.unlock(dir, clock(), "Rina", typed.toCharArray()))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("account.signin.locked"));
            assertThat(System.nanoTime() - t0).as("refused before Argon2").isLessThan(150_000_000L);
        }
        String file = Files.readString(dir.resolve(SignInGuard.FILE));
        assertThat(file.toLowerCase(java.util.Locale.ROOT)).doesNotContain("rina");

        now.set(start.plusSeconds(5 * 60 + 5));
        w = Wiring.unlock(dir, clock(), "Rina", ADMIN_PASSWORD.toCharArray());
        accounts = w.accounts();
        accounts.signIn("Rina", ADMIN_PASSWORD.toCharArray());
        List<AuditEntry> trail = trail();
        assertThat(trail).extracting(AuditEntry::action).containsSubsequence("signin.failed", "signin.failed",
                "signin.failed", "signin.failed", "signin.failed", "signin.locked", "signin.ok");
        assertThat(trail).filteredOn(e -> e.action().equals("signin.failed")).hasSize(5)
                .allSatisfy(e -> assertThat(e.operator()).isEqualTo("Rina"))
                .extracting(AuditEntry::at).first().asString().startsWith("2026-12-01T02:00:00");
        assertThat(trail).filteredOn(e -> e.action().equals("signin.failed")).last()
                .extracting(AuditEntry::at).asString().startsWith("2026-12-01T02:00:04");
        assertThat(SignInGuard.inFolder(dir, id.berkasdesa.keys.KeyRing.storeIdOf(dir).orElseThrow()).pending()).isEmpty();
        // the chain is whole with the late entries in it
        assertThat(w.audit().verify().intact()).isTrue();
    }

    /**
     * Long is not enough: a sequence, a repeated letter, the village's own name or the login are refused
     * with a plain reason and the hint of three or four words; three or four unrelated words pass.
     */
    @Test
    void weakPasswordsAreRefusedWithAHintAndThreeOrFourWordsPass() {
        Map<String, String> refused = Map.of(
                "1234567890", "account.password.weak",
                "aaaaaaaaaa", "account.password.weak",
                "password123", "account.password.weak",
                "qwertyuiop", "account.password.weak",
                "pondokrajeg2026", "account.password.ownName",  // the village
                "Kantor Desa 1", "account.password.weak",       // the office's name: generic words and a digit
                "budisantoso99", "account.password.ownName");   // the login
        refused.forEach((typed, key) -> assertThatThrownBy(() -> accounts.add("Budi Santoso", Role.OPERATOR,
                typed.toCharArray())).as(typed).satisfies(e -> {
                    assertThat(key(e)).isEqualTo(key);
                    assertThat(((AccountException) e).message(Messages.indonesian())).contains("tiga atau empat kata");
                }));
        assertThat(accounts.list()).hasSize(1);
        assertThat(accounts.add("Budi Santoso", Role.OPERATOR, "jendela mangga sepeda hujan".toCharArray()).name())
                .isEqualTo("Budi Santoso");
    }

    @Test
    void everyCharacterOfAPasswordCountsWithSpacesNonAsciiAndTwoHundredCharacters() {
        String spaces = "satu dua tiga empat";
        String nonAscii = "Ŝandi-ŝaya-ĉiam"; // differs from "Sandi-saya-ciam" only in the high bytes H2 would drop
        String longOne = "jendela mangga sepeda hujan ".repeat(8).substring(0, 199) + "é";
        accounts.add("Spasi", Role.OPERATOR, spaces.toCharArray());
        accounts.add("Aksen", Role.OPERATOR, nonAscii.toCharArray());
        accounts.add("Panjang", Role.OPERATOR, longOne.toCharArray());
        accounts.signOut();
        assertThat(accounts.signIn("Spasi", spaces.toCharArray()).mustChange()).isTrue();
        assertThatThrownBy(() -> accounts.signIn("Spasi", "satudua tiga empat".toCharArray())).isInstanceOf(AccountException.class);
        accounts.signIn("Aksen", nonAscii.toCharArray());
        assertThatThrownBy(() -> accounts.signIn("Aksen", "Sandi-saya-ciam".toCharArray())).isInstanceOf(AccountException.class);
        accounts.signIn("Panjang", longOne.toCharArray());
        assertThatThrownBy(() -> accounts.signIn("Panjang", ("jendela mangga sepeda hujan ".repeat(8).substring(0, 199) + "e").toCharArray()))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void theIdleMinutesAreTheAdministratorsSettingWithinOneToOneHundredTwenty() {
        assertThat(accounts.lockMinutes()).isEqualTo(AccountService.DEFAULT_LOCK_MINUTES);
        for (int bad : new int[] {0, -5, 121}) {
            assertThatThrownBy(() -> accounts.lockMinutes(bad)).satisfies(e -> assertThat(key(e)).isEqualTo("account.lock.range"));
        }
        accounts.lockMinutes(25);
        assertThat(accounts.lockMinutes()).isEqualTo(25);
        accounts.add("Budi", Role.OPERATOR, "sementara123".toCharArray());
        accounts.signOut();
        accounts.signIn("Budi", "sementara123".toCharArray());
        assertThatThrownBy(() -> accounts.lockMinutes(120)).isInstanceOf(AccessException.class);
        assertThat(accounts.lockMinutes()).isEqualTo(25);
    }

    @Test
    void aShortPasswordIsRefusedWithTheRuleAndNothingIsAdded() {
        assertThatThrownBy(() -> accounts.add("Budi", Role.OPERATOR, "pendek".toCharArray()))
                .isInstanceOfSatisfying(AccountException.class, e ->
                        assertThat(e.message(Messages.indonesian())).contains("paling sedikit 10 karakter"));
        assertThat(accounts.list()).hasSize(1);
    }

    @Test
    void aPemeriksaMayReadButEveryWriteIsRefusedByTheServicesThemselves() {
        accounts.add("Kades", Role.PEMERIKSA, "periksa saja ya".toCharArray());
        accounts.signOut();
        accounts.signIn("Kades", "periksa saja ya".toCharArray());
        long entries = entries();
        assertThat(w.households().search(id.berkasdesa.household.HouseholdSearch.all())).isEmpty(); // reading is fine
        assertThatThrownBy(() -> w.households().save(Households.family(1), true))
                .isInstanceOfSatisfying(AccessException.class, e -> {
                    assertThat(e.action()).isEqualTo("household.save");
                    assertThat(e.message(Messages.indonesian())).contains("Pemeriksa", "Administrator", "Data KK disimpan");
                });
        assertThatThrownBy(() -> accounts.add("Lain", Role.OPERATOR, "kata sandi baru".toCharArray()))
                .isInstanceOf(AccessException.class);
        assertThatThrownBy(() -> w.audit().entries(AuditService.Filter.ALL)).isInstanceOf(AccessException.class);
        assertThat(w.households().count()).isZero();
        assertThat(entries()).isEqualTo(entries);
    }

    @Test
    void anOperatorWorksOnTheRegisterButMayNotTouchAccountsOrTheLastAdministrator() {
        accounts.add("Budi", Role.OPERATOR, "sementara123".toCharArray());
        accounts.signOut();
        accounts.signIn("Budi", "sementara123".toCharArray());
        accounts.changeOwnPassword("teh manis jalan pagi".toCharArray());
        assertThat(w.households().save(Households.family(1), true).saved()).isTrue();
        assertThatThrownBy(() -> accounts.disable("Rina")).isInstanceOf(AccessException.class);
        assertThatThrownBy(() -> accounts.resetPassword("Rina", "diambil alih sekarang".toCharArray()))
                .isInstanceOf(AccessException.class);
        accounts.signOut();
        accounts.signIn("Rina", ADMIN_PASSWORD.toCharArray());
        assertThatThrownBy(() -> accounts.disable("Rina"))
                .satisfies(e -> assertThat(key(e)).isEqualTo("account.lastAdministrator"));
        assertThat(accounts.list()).extracting(Account::active).containsOnly(true);
        // Budi's own new password opens his signing key: his work is signed, and the whole trail holds
        accounts.signOut();
        accounts.signIn("Budi", "teh manis jalan pagi".toCharArray());
        assertThat(accounts.identity()).isPresent();
        accounts.signOut();
        accounts.signIn("Rina", ADMIN_PASSWORD.toCharArray());
        assertThat(w.audit().verify().changed()).isEmpty();
    }

    @Test
    void theRecoveryCodeTypedWithSpacesOrInLowerCaseResetsTheAdministratorsPassword() {
        accounts.signOut();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.signIn("Rina", "lupa kata sandi".toCharArray())).isInstanceOf(AccountException.class);
        }
        assertThatThrownBy(() -> accounts.recover("ABCDE-ABCDE-ABCDE-ABCDE-ABCDE-ABCDE", "kata sandi baru rina".toCharArray()))
                .satisfies(e -> assertThat(key(e)).isEqualTo("account.recover.wrong"));
        String typed = recoveryCode.toLowerCase().replace("-", " ");
        assertThat(accounts.recover(typed, "kata sandi baru rina".toCharArray())).isEqualTo("Rina");
        // unlocked, and the new password works at once
        assertThat(accounts.signIn("Rina", "kata sandi baru rina".toCharArray()).session().role()).isEqualTo(Role.ADMINISTRATOR);
        // the recovery code opened the certifying key: the new password opens Rina's new signing key and the anchor
        assertThat(accounts.identity()).hasValueSatisfying(i -> assertThat(i.certifying()).isPresent());
        assertThat(w.audit().verify().changed()).isEmpty();
        assertThat(trail()).extracting(AuditEntry::action).contains("operator.recover");
    }

    @Test
    void noPasswordHashOrRecoveryCodeReachesTheLogsTheTrailOrAnExport() throws Exception {
        accounts.add("Budi", Role.OPERATOR, "rahasia-kopi-jahe-123".toCharArray());
        accounts.signOut();
        try {
            accounts.signIn("Budi", "rahasia-salah-456".toCharArray());
        } catch (AccountException expected) {
            // recorded as a failed sign-in
        }
        accounts.signIn("Rina", ADMIN_PASSWORD.toCharArray());
        Path export = dir.resolve("jejak.jsonl");
        w.audit().export(AuditService.Filter.ALL, export);
        String hash = w.db().read(h -> h.createQuery("SELECT password_hash FROM operator_account WHERE name = 'Budi'")
                .mapTo(String.class).one());
        String everything = Files.readString(export) + logs();
        String code = RecoveryCode.normalize(recoveryCode).orElseThrow();
        for (String secret : List.of("rahasia-kopi-jahe-123", "rahasia-salah-456", ADMIN_PASSWORD, hash, hash.substring(30, 60),
                recoveryCode, code)) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    private long entries() {
        Long n = w.db().read(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Long.class).one());
        return n;
    }

    private String logs() throws java.io.IOException {
        Path logDir = dir.resolve("log");
        if (!Files.isDirectory(logDir)) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path f : files.toList()) {
                b.append(Files.readString(f));
            }
        }
        return b.toString();
    }
}
