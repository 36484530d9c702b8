package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.audit.AuditJournal;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.Postgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An office on PostgreSQL: four Verifikators, each on a PC of their own (their own store object and
 * connections), decide 400 received requests at once, and all four also reach for the same 40 at the
 * same moment. Every request ends decided exactly once, every loser was told (nothing half written),
 * and the audit chain verifies with one entry per decision that was kept.
 */
class DinasConcurrencyTest {

    private static final int OFFICERS = 4;
    private static final int OWN = 90;
    private static final int CONTESTED = 40;

    @TempDir
    Path dir;

    @Test
    void fourOfficersDecide400RequestsAtOnceAndNothingIsLostOrDecidedTwice() throws Exception {
        DataSource first = Postgres.freshDatabase();
        String name;
        try (java.sql.Connection c = first.getConnection()) {
            name = c.getCatalog();
        }
        List<String> contested = new ArrayList<>();
        List<List<String>> own = new ArrayList<>();
        try (Database setup = Database.onPostgres(first, dir)) {
            int n = 0;
            for (int o = 0; o < OFFICERS; o++) {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < OWN; i++) {
                    mine.add(insert(setup, n++));
                }
                own.add(mine);
            }
            for (int i = 0; i < CONTESTED; i++) {
                contested.add(insert(setup, n++));
            }
        }
        Map<String, String> won = new ConcurrentHashMap<>();
        Map<String, Integer> told = new ConcurrentHashMap<>();
        CountDownLatch together = new CountDownLatch(OFFICERS);
        ExecutorService pool = Executors.newFixedThreadPool(OFFICERS);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < OFFICERS; t++) {
            int officer = t;
            done.add(pool.submit(() -> {
                try (Database db = Database.onPostgres(Postgres.database(name), dir)) {
                    db.journal(new AuditJournal(Clock.systemDefaultZone()));
                    String me = "Verifikator " + officer;
                    db.actAs(new Session(me, Role.VERIFIKATOR));
                    DecisionService decisions = new DecisionService(db, Clock.systemDefaultZone());
                    List<String> work = new ArrayList<>(contested);
                    Collections.shuffle(work, new java.util.Random(officer));
                    together.countDown();
                    together.await();
                    for (int i = 0; i < OWN; i++) {
                        decisions.decide(List.of(own.get(officer).get(i)), DecisionService.Decision.DISETUJUI, "lengkap", null);
                        if (i < CONTESTED) {
                            String id = work.get(i);
                            try {
                                decisions.decide(List.of(id), DecisionService.Decision.DITOLAK, "ganda", me);
                                String before = won.putIfAbsent(id, me);
                                assertThat(before).as("%s decided twice", id).isNull();
                            } catch (DinasException e) {
                                assertThat(e.key()).isIn("dinas.error.decidedBy", "dinas.error.changed");
                                told.merge(me, 1, Integer::sum);
                            }
                        }
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
            List<Map<String, Object>> rows = db.read(h -> h.createQuery(
                    "SELECT id, status, decided_by, decision_note FROM dinas_request").mapToMap().list());
            assertThat(rows).hasSize(OFFICERS * OWN + CONTESTED);
            assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isEqualTo(DecisionService.DECIDED));
            Map<Object, Object> contestedBy = rows.stream().filter(r -> contested.contains(r.get("id")))
                    .collect(Collectors.toMap(r -> r.get("id"), r -> r.get("decided_by")));
            assertThat(contestedBy).hasSize(CONTESTED);
            contestedBy.forEach((id, by) -> assertThat(won).containsEntry((String) id, (String) by));
            // the note is the winner's own: no decision is a mix of two officers' writes
            rows.stream().filter(r -> contested.contains(r.get("id")))
                    .forEach(r -> assertThat(r.get("decision_note")).isEqualTo(r.get("decided_by")));
            int losses = told.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(losses).isEqualTo(OFFICERS * CONTESTED - CONTESTED);
            AuditChain.Verdict v = AuditService.verifyStore(db, Optional.empty());
            assertThat(v.intact()).as("chain after four officers").isTrue();
            assertThat(v.entries()).isEqualTo(OFFICERS * OWN + CONTESTED);
        }
        System.out.printf("postgres: %d decisions by %d officers in %.2f s (%.0f per second), %d told another won%n",
                OFFICERS * OWN + CONTESTED, OFFICERS, seconds, (OFFICERS * OWN + CONTESTED) / seconds,
                told.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** A received request, as the inbox stores it (with its bundle), without a village store behind it. */
    private static String insert(Database db, int n) {
        String id = "usulan-" + n;
        String bundle = "paket-" + (n / 50);
        db.read(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM dinas_bundle WHERE bundle_id = :b").bind("b", bundle).mapTo(Integer.class).one() == 0) {
                h.createUpdate("""
                        INSERT INTO dinas_bundle (bundle_id, kode_desa, file_name, fingerprint, request_count, received_by, received_at)
                        VALUES (:b, '32.01.01.1001', 'p.zip', 'AAAA-BBBB-CCCC-DDDD', 50, 'uji', :at)""")
                        .bind("b", bundle).bind("at", OffsetDateTime.now()).execute();
            }
            return h.createUpdate("""
                    INSERT INTO dinas_request (id, kode_desa, bundle_id, version, nik, status, checks, columns_json, received_at)
                    VALUES (:id, '32.01.01.1001', :b, 1, :nik, 'diterima', '', '{}', :at)""")
                    .bind("id", id).bind("b", bundle).bind("nik", String.format("32010101018%05d", n))
                    .bind("at", OffsetDateTime.now()).execute();
        });
        return id;
    }
}
