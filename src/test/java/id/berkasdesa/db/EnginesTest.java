package id.berkasdesa.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.audit.AuditJournal;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.household.Households;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same store on both engines: an H2 file and a real PostgreSQL 16 (decision 0009). The schema the
 * migrations reach is the same, the services work alike, and on PostgreSQL several processes writing
 * at once neither collide nor fork the audit chain.
 */
class EnginesTest {

    @TempDir
    Path dir;

    private Database open(String engine) {
        return engine.equals("h2") ? Database.open(dir.resolve("data"))
                : Database.onPostgres(Postgres.freshDatabase(), dir.resolve("data"));
    }

    /** table → its columns, in lower case, from the information schema of the store's own schema. */
    private static java.util.SortedMap<String, java.util.SortedSet<String>> columns(Database db) {
        java.util.SortedMap<String, java.util.SortedSet<String>> out = new java.util.TreeMap<>();
        db.read(h -> h.createQuery("""
                SELECT LOWER(c.table_name), LOWER(c.column_name) FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = CURRENT_SCHEMA AND t.table_type = 'BASE TABLE'
                  AND LOWER(c.table_name) <> 'flyway_schema_history'""")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list())
                .forEach(r -> out.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[1]));
        return out;
    }

    @Test
    void theMigrationsReachTheSameTablesAndColumnsOnBothEngines() {
        try (Database h2 = open("h2"); Database pg = open("postgresql")) {
            assertThat(pg.engine()).isEqualTo("postgresql");
            assertThat(columns(pg)).isEqualTo(columns(h2)).containsKeys("member", "audit_entry", "trust_root");
            // the same tables counted alike (a backup's manifest names them in capitals)
            assertThat(pg.counts().keySet()).isEqualTo(h2.counts().keySet()).contains("AUDIT_ENTRY");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aVillageItsKksTheirSearchAndTheTrailWorkAlike(String engine) {
        try (Database db = open(engine);
                Wiring w = Wiring.of(db, Wilayah.load(), Clock.systemDefaultZone(), "test")) {
            w.villages().save(new VillageProfile("32.01.01.1001", "Pondok Rajeg", "Kantor Desa", "Rina", false));
            w.db().actAs(new Session("Rina", Role.ADMINISTRATOR));
            var family = Households.family(1);
            assertThat(w.households().save(family, true).saved()).isTrue();
            // a second KK with the first one's active NIK is refused on both engines (the unique generated column)
            var copy = Households.family(2);
            assertThat(w.households().search(HouseholdSearch.text(family.members().get(0).nik()))).hasSize(1);
            assertThat(w.households().search(HouseholdSearch.text(family.members().get(0).nama().toLowerCase())))
                    .isNotEmpty();
            assertThat(w.households().save(copy, true).saved()).isTrue();
            AuditChain.Verdict v = AuditService.verifyStore(db, Optional.empty());
            assertThat(v.intact()).isTrue();
            assertThat(v.entries()).isGreaterThanOrEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void requestsSettingsAccountsAndTheTrailsQueriesWorkAlike(String engine) {
        try (Database db = open(engine);
                Wiring w = Wiring.of(db, Wilayah.load(), Clock.systemDefaultZone(), "test")) {
            w.villages().save(new VillageProfile("32.01.01.1001", "Pondok Rajeg", "Kantor Desa", "Rina", false));
            w.accounts().createFirstAdministrator("Rina", "kopi tubruk pagi hari".toCharArray());
            var account = w.accounts().addWithNewPassword("Budi", Role.OPERATOR);
            assertThat(w.accounts().list()).extracting(id.berkasdesa.account.Account::name).containsExactly("Rina", "Budi");
            var family = Households.family(3);
            w.households().save(family, true);
            var member = family.members().get(0);
            var form = new id.berkasdesa.request.RequestForm(java.time.LocalDate.now().minusDays(1),
                    id.berkasdesa.request.CheckChannel.MOBILE_JKN, "0001234567890", java.time.LocalDate.now().minusMonths(1),
                    id.berkasdesa.request.Route.DESA, "Kartu nonaktif saat cuci darah", null, true, true);
            var made = w.requests().create(family.id(), member.id(), form);
            assertThat(made.status()).isEqualTo(id.berkasdesa.request.RequestStatus.DRAF);
            w.requests().update(made.id(), form); // a second event in its history: the next number under the lock
            assertThat(w.requests().search(id.berkasdesa.request.RequestFilter.all())).hasSize(1);
            assertThat(w.requests().dashboard()).isNotNull();
            // the settings' MERGE, twice: an insert then an update
            w.requests().savePolicy(w.requests().policy());
            w.requests().savePolicy(w.requests().policy());
            assertThat(w.audit().entries(id.berkasdesa.audit.AuditService.Filter.ALL)).extracting(
                    id.berkasdesa.audit.AuditEntry::action).contains("operator.add", "household.save", "request.create");
            assertThat(AuditService.verifyStore(db, Optional.empty()).broken()).isEmpty();
            assertThat(account.password()).isNotBlank();
        }
    }

    /** Letters: numbered under the unit of work's lock, listed with and without narrowing, found by number, cancelled. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void lettersAreNumberedListedAndCancelledAlike(String engine) {
        try (Database db = open(engine);
                Wiring w = Wiring.of(db, Wilayah.load(), Clock.systemDefaultZone(), "test")) {
            w.villages().save(new VillageProfile("32.01.01.1001", "Pondok Rajeg", "Kantor Desa", "Rina", false, "H. Sukarna"));
            w.db().actAs(new Session("Rina", Role.ADMINISTRATOR));
            var family = Households.family(4);
            w.households().save(family, true);
            var letters = w.letters();
            var type = id.berkasdesa.surat.LetterType.SKTM;
            String first = letters.issue(letters.draft(type, family.id(), family.members().get(0).id(), "Reaktivasi PBI-JK")).number();
            String second = letters.issue(letters.draft(type, family.id(), family.members().get(1).id(), "Sekolah")).number();
            assertThat(first).isNotEqualTo(second);
            assertThat(letters.list(null, null)).hasSize(2);
            assertThat(letters.list(java.time.LocalDate.now().getYear(), type)).hasSize(2);
            assertThat(letters.list(null, id.berkasdesa.surat.LetterType.PENGANTAR)).isEmpty();
            assertThat(letters.byNumber(second).orElseThrow().subjectName()).isEqualTo(family.members().get(1).nama());
            assertThat(letters.cancel(first, "Salah keperluan").cancelled()).isTrue();
        }
    }

    /**
     * Four officers' processes (each its own store object and connections) write 50 units of work each
     * at once: every one committed, the chain verifies, its numbers run 1..200 with no gap or double.
     */
    @Test
    void fourWritersAtOnceOnPostgresNeitherCollideNorForkTheChain() throws Exception {
        DataSource first = Postgres.freshDatabase();
        String name;
        try (java.sql.Connection c = first.getConnection()) {
            name = c.getCatalog();
        }
        try (Database setup = Database.onPostgres(first, dir)) {
            assertThat(Postgres.version(first)).startsWith("16.");
        }
        int writers = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < writers; t++) {
            int officer = t;
            done.add(pool.submit(() -> {
                try (Database db = Database.onPostgres(Postgres.database(name), dir)) {
                    db.journal(new AuditJournal(Clock.systemDefaultZone()));
                    db.actAs(new Session("Petugas " + officer, Role.ADMINISTRATOR));
                    for (int i = 0; i < each; i++) {
                        String key = "uji." + officer + "." + i;
                        db.write("settings.change", h -> {
                            h.createUpdate("INSERT INTO setting (setting_name, setting_value) VALUES (:n, 'x')")
                                    .bind("n", key).execute();
                            db.about("setting", key, "value");
                            return null;
                        });
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        try (Database db = Database.onPostgres(Postgres.database(name), dir)) {
            AuditChain.Verdict v = AuditService.verifyStore(db, Optional.empty());
            assertThat(v.intact()).as("chain after concurrent writers").isTrue();
            assertThat(v.entries()).isEqualTo(writers * each);
            List<Long> seqs = db.read(h -> h.createQuery("SELECT seq FROM audit_entry ORDER BY seq").mapTo(Long.class).list());
            assertThat(seqs).hasSize(writers * each);
            assertThat(seqs.get(0)).isEqualTo(1L);
            assertThat(seqs.get(seqs.size() - 1)).isEqualTo((long) writers * each);
            assertThat(db.counts().get("SETTING")).isEqualTo((long) writers * each);
        }
        System.out.printf("postgres: %d units of work by %d writers in %.2f s (%.0f per second)%n", writers * each,
                writers, seconds, writers * each / seconds);
    }
}
