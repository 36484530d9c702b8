package id.berkasdesa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trail of a real store: one entry per unit of work, names of fields only, tampering found. */
class AuditTrailTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    BundleStore store;
    AuditService audit;

    @BeforeEach
    void open() {
        store = new BundleStore(dir, scratch, 1, Clock.systemDefaultZone());
        audit = store.services().audit();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachUnitOfWorkLeavesOneEntryNamingTheFieldsChangedButNotTheirValues() {
        Household h = Households.family(7);
        long before = audit.verify().entries();
        store.services().households().save(h, true);
        Household moved = new Household(h.id(), h.noKk(), "JL. MELATI NO. 9", "004", h.rw(), h.dusun(), h.kodePos(),
                h.sample(), h.members());
        store.services().households().save(moved, true);
        List<AuditEntry> all = audit.entries(AuditService.Filter.ALL);
        assertThat(all).hasSize((int) before + 2);
        AuditEntry last = all.get(all.size() - 1);
        assertThat(last.action()).isEqualTo("household.save");
        assertThat(last.entityId()).isEqualTo(h.id().toString());
        assertThat(last.fields()).containsExactly("alamat", "rt");
        assertThat(last.operator()).isEqualTo(store.services().session().operator());
        assertThat(String.join(" ", all.stream().map(AuditService::jsonLine).toList()))
                .doesNotContain("MELATI", h.members().get(0).nik(), h.members().get(0).nama(), h.noKk());
        // a save the rules refuse changes nothing and leaves no entry
        Household bad = new Household(h.id(), "123", h.alamat(), h.rt(), h.rw(), h.dusun(), h.kodePos(), false, h.members());
        assertThat(store.services().households().save(bad, true).saved()).isFalse();
        assertThat(audit.entries(AuditService.Filter.ALL)).hasSize(all.size());
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aDocumentNamesWhoAttachedIt() {
        var docs = store.services().documents().forHousehold(
                store.services().requests().find(store.ready.get(0)).orElseThrow().householdId());
        assertThat(docs).isNotEmpty().allSatisfy(d -> assertThat(d.attachedBy()).isEqualTo(store.services().session().operator()));
    }

    @Test
    void anEntryEditedDeletedOrReorderedInTheStoreIsFoundWithItsNumber() {
        assertThat(audit.verify().intact()).isTrue();
        long n = audit.verify().entries();
        assertThat(n).isGreaterThanOrEqualTo(4); // village, documents, the request
        String original = store.services().db().read(h -> h.createQuery("SELECT operator FROM audit_entry WHERE seq = 2")
                .mapTo(String.class).one());
        store.services().db().jdbi().useHandle(h -> h.execute("UPDATE audit_entry SET operator = 'Orang lain' WHERE seq = 2"));
        assertThat(audit.verify().broken()).get().isEqualTo(new AuditChain.Broken(2, AuditChain.Break.HASH));
        store.services().db().jdbi().useHandle(h -> h.createUpdate("UPDATE audit_entry SET operator = :o WHERE seq = 2")
                .bind("o", original).execute());
        assertThat(audit.verify().intact()).isTrue(); // put back as it was: intact again
        // two entries swapped (their numbers exchanged): the chain breaks where the order was changed
        store.services().db().jdbi().useHandle(h -> {
            h.execute("UPDATE audit_entry SET seq = -1 WHERE seq = 2");
            h.execute("UPDATE audit_entry SET seq = 2 WHERE seq = 3");
            h.execute("UPDATE audit_entry SET seq = 3 WHERE seq = -1");
        });
        assertThat(audit.verify().broken()).get().isEqualTo(new AuditChain.Broken(2, AuditChain.Break.PREVIOUS));
        store.services().db().jdbi().useHandle(h -> {
            h.execute("UPDATE audit_entry SET seq = -1 WHERE seq = 2");
            h.execute("UPDATE audit_entry SET seq = 2 WHERE seq = 3");
            h.execute("UPDATE audit_entry SET seq = 3 WHERE seq = -1");
        });
        assertThat(audit.verify().intact()).isTrue();
        // an entry inserted with a plausible hash of its own: the one after it no longer links
        store.services().db().jdbi().useHandle(h -> {
            h.execute("UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= 3");
            h.execute("UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1003");
            AuditEntry two = AuditDaoAccess.entry(h, 2);
            AuditEntry forged = AuditChain.next(two, java.time.Instant.now(), "Penyusup", "household.save", "household", "x",
                    List.of("nik"));
            h.createUpdate("INSERT INTO audit_entry (seq, at, operator, action, entity, entity_id, fields, prev, hash) "
                    + "VALUES (3, :at, :op, :action, :entity, :id, :fields, :prev, :hash)").bind("at", forged.at())
                    .bind("op", forged.operator()).bind("action", forged.action()).bind("entity", forged.entity())
                    .bind("id", forged.entityId()).bind("fields", "nik").bind("prev", forged.prev()).bind("hash", forged.hash())
                    .execute();
        });
        assertThat(audit.verify().broken()).get().isEqualTo(new AuditChain.Broken(4, AuditChain.Break.PREVIOUS));
        store.services().db().jdbi().useHandle(h -> h.execute("DELETE FROM audit_entry WHERE seq = 3"));
        assertThat(audit.verify().broken()).get().extracting(AuditChain.Broken::seq).isEqualTo(4L);
    }

    @Test
    void anExportedFileVerifiesFromItselfAndAnyEditToItIsFound() throws Exception {
        Path file = dir.resolve("jejak.jsonl");
        int n = audit.export(AuditService.Filter.ALL, file);
        assertThat(AuditService.verifyFile(file).intact()).isTrue();
        assertThat(AuditService.verifyFile(file).entries()).isEqualTo(n);
        assertThat(audit.head().orElseThrow().action()).isEqualTo("audit.export"); // the export is recorded too

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(1, lines.get(2));
        swapped.set(2, lines.get(1));
        Files.write(file, swapped);
        assertThat(AuditService.verifyFile(file).broken()).get().extracting(AuditChain.Broken::seq).isEqualTo(3L);

        List<String> edited = new ArrayList<>(lines);
        edited.set(0, lines.get(0).replace("\"village.save\"", "\"village.clearSample\""));
        Files.write(file, edited);
        assertThat(AuditService.verifyFile(file).broken()).get().isEqualTo(new AuditChain.Broken(1, AuditChain.Break.HASH));

        List<String> garbled = new ArrayList<>(lines);
        garbled.set(1, "{bukan json");
        Files.write(file, garbled);
        assertThat(AuditService.verifyFile(file).broken()).get().isEqualTo(new AuditChain.Broken(2, AuditChain.Break.UNREADABLE));
    }

    @Test
    void aPemeriksaIsRefusedEveryWriteByTheServicesAndNothingChangesNotEvenOnTheStick() throws Exception {
        var w = store.services();
        w.accounts().createFirstAdministrator("Rina", "kata sandi administrator".toCharArray());
        w.accounts().add("Kades", id.berkasdesa.common.Role.PEMERIKSA, "periksa saja ya".toCharArray());
        w.accounts().signOut();
        w.accounts().signIn("Kades", "periksa saja ya".toCharArray());
        Long entries = w.db().read(x -> x.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Long.class).one());
        var request = w.requests().find(store.ready.get(0)).orElseThrow();
        Household h = w.households().load(request.householdId()).orElseThrow();
        Path photo = scratch.resolve("ktp-baru.jpg");
        java.nio.file.Files.write(photo, id.berkasdesa.document.SampleScans.letterJpeg(800, 600, 3));
        Path stick = java.nio.file.Files.createDirectories(scratch.resolve("flashdisk"));
        int documents = w.documents().forHousehold(h.id()).size();

        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> forbidden = List.of(
                () -> w.households().save(h, true),
                () -> w.documents().attach(new id.berkasdesa.document.DocumentService.Attach(h.id(), h.members().get(0).id(),
                        id.berkasdesa.document.DocumentKind.KTP, null, w.documents().today(), null, null), List.of(photo)),
                () -> w.requests().create(h.id(), h.members().get(1).id(), request.form()),
                () -> w.requests().move(request.id(), id.berkasdesa.request.RequestStatus.DRAF, null, null),
                () -> w.bundles().export(store.ready, stick, id.berkasdesa.exchange.Progress.none()),
                () -> w.documents().saveSettings(id.berkasdesa.document.DocumentSettings.DEFAULTS),
                () -> w.accounts().add("Lain", id.berkasdesa.common.Role.ADMINISTRATOR, "ambil alih semua".toCharArray()),
                () -> w.accounts().resetPassword("Rina", "ambil alih semua".toCharArray()),
                () -> w.audit().export(AuditService.Filter.ALL, scratch.resolve("jejak.jsonl")));
        for (var action : forbidden) {
            org.assertj.core.api.Assertions.assertThatThrownBy(action).isInstanceOfSatisfying(
                    id.berkasdesa.db.AccessException.class, e -> assertThat(e.message(id.berkasdesa.common.Messages.indonesian()))
                            .contains("tidak diizinkan"));
        }
        assertThat(w.documents().forHousehold(h.id())).hasSize(documents);
        assertThat(w.requests().find(request.id()).orElseThrow().status()).isEqualTo(request.status());
        try (var files = java.nio.file.Files.list(stick)) {
            assertThat(files).isEmpty();
        }
        assertThat(java.nio.file.Files.exists(scratch.resolve("jejak.jsonl"))).isFalse();
        Long after = w.db().read(x -> x.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Long.class).one());
        assertThat(after).isEqualTo(entries);
    }

    /** Reads one stored entry as the chain sees it. */
    static final class AuditDaoAccess {
        static AuditEntry entry(org.jdbi.v3.core.Handle h, long seq) {
            return h.createQuery("SELECT seq, at, operator, action, entity, entity_id, fields, prev, hash FROM audit_entry "
                    + "WHERE seq = :seq").bind("seq", seq).map(AuditDao.MAPPER).one();
        }
    }
}
