package id.berkasdesa.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.Messages;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Households;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrades keep data: backup before migrating, restore on failure, and stores this app must not touch. */
class StoreUpgradeTest {

    @TempDir
    Path dir;
    @TempDir
    Path older;

    private String migrationsUpTo(int version, String... extra) {
        return OlderStore.migrationsUpTo(older, version, extra);
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String text(StoreException e) {
        return e.message(Messages.indonesian());
    }

    @Test
    void theSchemaVersionTheFastOpenTrustsIsTheLastMigrationShipped() throws Exception {
        int highest = 0;
        for (Path folder : List.of(Path.of("src/main/resources/db/migration"), Path.of("src/main/java/id/berkasdesa/db/migration"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    highest = Math.max(highest, Integer.parseInt(name.substring(1, name.indexOf("__"))));
                }
            }
        }
        assertThat(Database.SCHEMA_VERSION).isEqualTo(highest);
    }

    /**
     * The sign-in's warm-up makes its throwaway store from the SQL migrations without Flyway: every
     * table a store up to date has is there (the last migration's column included), as the warm-up's
     * queries need, and the store it makes is encrypted under the throwaway key.
     */
    @Test
    void theWarmUpsThrowawayStoreHasTheSchemaOfTheLastMigrationWithoutFlyway() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("pemanasan"));
        try (Database db = Database.throwaway(tmp, id.berkasdesa.keys.KeyRing.warmUp(tmp))) {
            int kept = db.read(h -> h.createQuery("SELECT COUNT(*) FROM dinas_bundle WHERE scans_kept").mapTo(Integer.class).one());
            int requests = db.read(h -> h.createQuery("SELECT COUNT(*) FROM reactivation_request").mapTo(Integer.class).one());
            int flyway = db.read(h -> h.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE LOWER(TABLE_NAME) = 'flyway_schema_history'").mapTo(Integer.class).one());
            assertThat(kept + requests).isZero();
            assertThat(flyway).as("no Flyway").isZero();
        }
        assertThat(Files.exists(tmp.resolve(Database.STORE_FILE))).isTrue();
    }

    @Test
    void aStoreFromAnOlderReleaseIsStillMigratedAndAStoreUpToDateOpensAsItIs() throws Exception {
        try (Database db = Database.open(dir, migrationsUpTo(4), "0.0.4")) {
            assertThat(db.upgradeBackup()).isEmpty();
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.upgradeBackup()).as("schema 4 is behind: migrated, copied aside first").isPresent();
            assertThat(history(db)).isEqualTo(Database.SCHEMA_VERSION);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.upgradeBackup()).isEmpty();
            assertThat(history(db)).isEqualTo(Database.SCHEMA_VERSION);
            // the tables of the last migration are there: the store is usable as it is
            int bundles = db.read(h -> h.createQuery("SELECT COUNT(*) FROM bundle").mapTo(Integer.class).one());
            assertThat(bundles).isZero();
        }
    }

    private static int history(Database db) {
        return db.read(h -> h.createQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"")
                .mapTo(Integer.class).one());
    }

    @Test
    void aStoreFromAnOlderReleaseIsCopiedAsideBeforeItIsMigrated() throws Exception {
        Household family = Households.family(21);
        try (Database db = Database.open(dir, migrationsUpTo(2), "0.0.9")) {
            assertThat(db.upgradeBackup()).isEmpty();
            new HouseholdService(db, Households.WILAYAH, Clock.systemDefaultZone()).save(family, true);
        }
        try (Database db = Database.open(dir)) {
            Path backup = db.upgradeBackup().orElseThrow();
            assertThat(backup.getParent()).isEqualTo(dir.resolve("cadangan"));
            assertThat(backup.getFileName().toString()).contains("skema2");
            assertThat(new HouseholdService(db, Households.WILAYAH, Clock.systemDefaultZone()).load(family.id())).isPresent();
        }
        try (Database again = Database.open(dir)) {
            assertThat(again.upgradeBackup()).as("no second copy when nothing is migrated").isEmpty();
        }
        try (Stream<Path> copies = Files.list(dir.resolve("cadangan"))) {
            assertThat(copies).hasSize(1);
        }
    }

    @Test
    void aMigrationThatFailsPutsTheStoreBackAsItWas() throws Exception {
        Household family = Households.family(22);
        try (Database db = Database.open(dir)) {
            new HouseholdService(db, Households.WILAYAH, Clock.systemDefaultZone()).save(family, true);
        }
        // every migration of this release (SQL and Java, as the app finds them) plus one that breaks:
        // the store is valid up to it, so what fails is the broken migration itself, not validation
        Files.writeString(older.resolve("V99__broken.sql"), "CREATE TABLE rusak (;");
        String broken = Database.MIGRATIONS + ",filesystem:" + older.toAbsolutePath();

        assertThatThrownBy(() -> Database.open(dir, broken, "9.9.9"))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.key()).isEqualTo("store.error.migrationRestored");
                    assertThat(text(e)).contains("cadangan");
                    assertThat(e.getCause()).isInstanceOf(org.flywaydb.core.api.FlywayException.class)
                            .hasMessageContaining("V99__broken.sql");
                });

        try (Database db = Database.open(dir)) {
            assertThat(new HouseholdService(db, Households.WILAYAH, Clock.systemDefaultZone()).load(family.id())).isPresent();
            int leftover = db.read(h -> h.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'RUSAK'")
                    .mapTo(Integer.class).one());
            assertThat(leftover).isZero();
        }
    }

    @Test
    void aStoreMadeByANewerAppIsRefusedAndLeftUntouched() throws Exception {
        try (Database db = Database.open(dir, migrationsUpTo(99, "V99__newer.sql", "CREATE TABLE baru (i INT);"), "9.9.9")) {
            assertThat(db.upgradeBackup()).isEmpty();
        }
        String before = sha(Database.file(dir));

        assertThatThrownBy(() -> Database.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.key()).isEqualTo("store.error.newer");
            assertThat(text(e)).contains("99");
        });
        assertThat(sha(Database.file(dir))).isEqualTo(before);
        assertThat(dir.resolve("cadangan")).doesNotExist();
    }

    /**
     * The everyday open skips the read-only look (a second opening of the whole file) only when the
     * mark beside the store says this schema version opened it last, and only for as long as the
     * store's own history agrees: an older store under a current mark (a folder put back from elsewhere)
     * is still copied aside and migrated.
     */
    @Test
    void theMarkLetsAStoreThisVersionOpenedLastOpenInOneStepAndNothingElse() throws Exception {
        Path file = Database.file(dir);
        Path mark = StoreUpgrade.mark(file);
        String url = Database.url(dir);
        try (Database db = Database.open(dir)) {
            assertThat(db.upgradeBackup()).isEmpty();
        }
        assertThat(Files.readString(mark).strip()).isEqualTo(String.valueOf(Database.SCHEMA_VERSION));
        var pool = StoreUpgrade.openIfMarkedCurrent(file, url, "");
        assertThat(pool).as("marked current: opened for writing at once").isNotNull();
        try (var c = pool.getConnection(); var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
        pool.dispose();

        Files.writeString(mark, "rusak");
        assertThat(StoreUpgrade.openIfMarkedCurrent(file, url, "")).as("a mark that says nothing").isNull();
        try (Database db = Database.open(dir)) {
            assertThat(db.upgradeBackup()).isEmpty();
        }
        assertThat(Files.readString(mark).strip()).as("written again").isEqualTo(String.valueOf(Database.SCHEMA_VERSION));

        // an older store under a mark that claims the current schema
        Path other = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-lama"));
        try (Database db = Database.open(other, migrationsUpTo(4), "0.0.4")) {
            assertThat(db.upgradeBackup()).isEmpty();
        }
        Files.writeString(StoreUpgrade.mark(Database.file(other)), String.valueOf(Database.SCHEMA_VERSION));
        assertThat(StoreUpgrade.openIfMarkedCurrent(Database.file(other), Database.url(other), ""))
                .as("its history says 4").isNull();
        try (Database db = Database.open(other)) {
            assertThat(db.upgradeBackup()).as("copied aside, then migrated").isPresent();
            int bundles = db.read(h -> h.createQuery("SELECT COUNT(*) FROM dinas_bundle").mapTo(Integer.class).one());
            assertThat(bundles).as("the last migrations' tables are there").isZero();
        }
        id.berkasdesa.common.Folders.delete(other);
    }

    /** A newer app removes the mark before its migrations: this one then looks read-only first and refuses the store untouched. */
    @Test
    void aStoreANewerAppMigratedAfterThisOneIsStillRefusedUntouched() throws Exception {
        try (Database db = Database.open(dir)) {
            assertThat(db.upgradeBackup()).isEmpty();
        }
        assertThat(StoreUpgrade.mark(Database.file(dir))).exists();
        String newer = migrationsUpTo(Database.SCHEMA_VERSION, "V99__newer.sql", "CREATE TABLE baru (i INT);")
                + ",classpath:id/berkasdesa/db/migration"; // its Java migration too, as this store has it
        try (Database db = Database.open(dir, newer, "9.9.9")) {
            assertThat(db.upgradeBackup()).isPresent();
        }
        assertThat(StoreUpgrade.mark(Database.file(dir))).doesNotExist();
        String before = sha(Database.file(dir));

        assertThatThrownBy(() -> Database.open(dir)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.key()).isEqualTo("store.error.newer"));
        assertThat(sha(Database.file(dir))).isEqualTo(before);
    }

    @Test
    void aStoreWrittenByAnotherH2FormatIsRefusedNotOpened() throws Exception {
        Path oldH2 = Path.of("target/old-h2/h2-2.1.214.jar");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                oldH2.toString(), "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + dir.resolve("berkas-desa").toAbsolutePath(),
                "-user", "berkas", "-sql", "CREATE TABLE household (id INT); INSERT INTO household VALUES (1)")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        String before = sha(Database.file(dir));

        assertThatThrownBy(() -> Database.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.key()).isEqualTo("store.error.otherFormat");
            assertThat(text(e)).contains("versi Berkas Desa yang membuatnya", "petugas TI").doesNotContain("README");
        });
        assertThat(sha(Database.file(dir))).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .as("nothing written beside it").isSubsetOf(List.of("berkas-desa.mv.db", "berkas-desa.lock"));
        }
    }
}
