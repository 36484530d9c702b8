package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.AccessException;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.TestStore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decisions in two steps on received requests, on an H2 file and on PostgreSQL: a Verifikator takes a
 * request and proposes, another is told; a Pengesah endorses and the decision is locked; each role does
 * its own step and no other; a request sent again after "Perlu perbaikan" starts over, its decided
 * version kept.
 */
@ParameterizedClass
@ValueSource(strings = {TestStore.H2, TestStore.POSTGRESQL})
class DinasDecisionTest {

    private static final Session VERA = new Session("Vera", Role.VERIFIKATOR);
    private static final Session BUDI = new Session("Budi", Role.VERIFIKATOR);
    private static final Session KABID = new Session("Kabid", Role.PENGESAH);
    private static final Session ADMIN = new Session("Admin", Role.ADMINISTRATOR);

    @Parameter
    String engine;

    @TempDir
    Path dir;

    private Wiring district;
    private Database db;
    private DinasService dinas;
    private DecisionService decisions;
    private List<String> pondok;
    private List<String> karadenan;

    @BeforeAll
    static void villagesSend() throws Exception {
        VillageBundles.make();
    }

    @BeforeEach
    void receive() {
        db = TestStore.open(engine, dir);
        Clock clock = Clock.fixed(VillageBundles.SENT.plusDays(2).atTime(9, 0).atZone(VillageBundles.JAKARTA).toInstant(),
                VillageBundles.JAKARTA);
        district = Wiring.of(db, Wilayah.load(), clock, BuildInfo.current().version());
        dinas = district.dinas();
        decisions = district.decisions();
        dinas.setUp("32.01", "Dinas Sosial Kabupaten Bogor");
        district.officeKeys(VillageBundles.DISTRICT);
        db.actAs(VERA);
        dinas.receive(VillageBundles.pondokFirst, Progress.none());
        dinas.receive(VillageBundles.karadenan, Progress.none());
        pondok = ids("32.01.01.1001");
        karadenan = ids("32.01.01.1002");
    }

    @AfterEach
    void close() {
        district.close();
    }

    @Test
    void aVerifikatorProposesAPengesahEndorsesAndTheDecisionIsLocked() {
        assertThat(decisions.take(pondok.get(0))).isEmpty();
        db.actAs(BUDI);
        assertThat(decisions.take(pondok.get(0))).contains("Vera"); // "sedang diperiksa oleh Vera"
        db.actAs(VERA);

        assertThat(decisions.decide(pondok, DecisionService.Decision.DISETUJUI, "lengkap", "KTP dan surat faskes cocok"))
                .isEqualTo(2);
        DecisionService.State s = decisions.state(pondok.get(0));
        assertThat(s.status()).isEqualTo(DecisionService.DECIDED);
        assertThat(s.decision()).isEqualTo("disetujui");
        assertThat(s.decidedBy()).isEqualTo("Vera");
        assertThat(s.note()).isEqualTo("KTP dan surat faskes cocok");
        assertThat(dinas.requests(DecisionService.DECIDED, null, null)).hasSize(2);

        // Budi's decision on one of them and one of his own: all or none, and he is told who decided
        db.actAs(BUDI);
        assertThatThrownBy(() -> decisions.decide(List.of(karadenan.get(0), pondok.get(1)), DecisionService.Decision.DITOLAK,
                "ganda", null)).isInstanceOf(DinasException.class).hasFieldOrPropertyWithValue("key", "dinas.error.decidedBy")
                .satisfies(e -> assertThat(((DinasException) e).args()).contains("Vera"));
        assertThat(decisions.state(karadenan.get(0)).status()).isEqualTo(DinasService.RECEIVED);
        assertThat(decisions.state(pondok.get(1)).decision()).isEqualTo("disetujui");
        assertThatThrownBy(() -> decisions.withdraw(pondok.get(1))).isInstanceOf(DinasException.class)
                .hasFieldOrPropertyWithValue("key", "dinas.error.notYours");

        // Vera changes her mind before the endorsement
        db.actAs(VERA);
        decisions.withdraw(pondok.get(1));
        assertThat(decisions.state(pondok.get(1)).status()).isEqualTo(DinasService.RECEIVED);
        decisions.decide(List.of(pondok.get(1)), DecisionService.Decision.PERLU_PERBAIKAN, "dokumen-tidak-terbaca", "KK buram");

        db.actAs(KABID);
        assertThat(decisions.proposed()).containsExactlyInAnyOrderElementsOf(pondok);
        assertThat(decisions.endorse(decisions.proposed())).isEqualTo(2);
        assertThat(decisions.state(pondok.get(0)).status()).isEqualTo(DecisionService.ENDORSED);
        assertThat(decisions.state(pondok.get(0)).endorsedBy()).isEqualTo("Kabid");
        assertThatThrownBy(() -> decisions.endorse(List.of(karadenan.get(0)))).isInstanceOf(DinasException.class)
                .hasFieldOrPropertyWithValue("key", "dinas.error.notDecided");

        db.actAs(VERA);
        assertThatThrownBy(() -> decisions.decide(List.of(pondok.get(0)), DecisionService.Decision.DITOLAK, "lain", null))
                .isInstanceOf(DinasException.class).hasFieldOrPropertyWithValue("key", "dinas.error.endorsed");
        assertThatThrownBy(() -> decisions.withdraw(pondok.get(0))).isInstanceOf(DinasException.class)
                .hasFieldOrPropertyWithValue("key", "dinas.error.endorsed");
        assertThat(decisions.state(pondok.get(0)).decision()).isEqualTo("disetujui");
    }

    @Test
    void everyEndorsedApprovalGetsANumberedSignedLetterOnceThenOneCollectiveRecommendation() throws Exception {
        decisions.decide(pondok, DecisionService.Decision.DISETUJUI, "lengkap", null);
        decisions.decide(karadenan, DecisionService.Decision.DITOLAK, "dokumen-kurang", null);
        db.actAs(KABID);
        decisions.endorse(decisions.proposed());
        db.actAs(VERA);
        ReactivationLetterService letters = district.reactivationLetters();
        assertThat(letters.waiting()).isEqualTo(2); // the rejections get none
        Path out = dir.resolve("surat");
        id.berkasdesa.common.Messages m = id.berkasdesa.common.Messages.indonesian();
        List<ReactivationLetterService.Issued> issued = letters.issue(out, m);
        assertThat(issued).extracting(ReactivationLetterService.Issued::number)
                .containsExactly("460/001/3201/XI/2026", "460/002/3201/XI/2026");
        // the QR in the PDF: signed by the office's key, naming the person by initials and a hash of the NIK
        byte[] pdf = java.nio.file.Files.readAllBytes(issued.get(0).file());
        id.berkasdesa.surat.LetterQr qr = id.berkasdesa.surat.LetterQr.parse(id.berkasdesa.surat.LetterPdf.qrText(pdf).orElseThrow())
                .orElseThrow();
        assertThat(qr.signatureHolds()).isTrue();
        assertThat(qr.type()).isEqualTo(id.berkasdesa.surat.LetterType.PENGAKTIFAN_KEMBALI);
        assertThat(qr.number()).isEqualTo("460/001/3201/XI/2026");
        assertThat(qr.names(dinas.request(issued.get(0).requestId()).orElseThrow().nik())).isTrue();
        assertThat(qr.key()).isEqualTo(VillageBundles.DISTRICT.publicKeys().signingKeyText());
        assertThat(letters.issue(out, m)).isEmpty(); // once
        assertThat(letters.waiting()).isZero();

        // the annex's columns are the office's setting: chosen and ordered for its BPJS branch
        var was = db.session();
        db.actAs(new Session("Admin", Role.ADMINISTRATOR));
        dinas.saveSettings(new DinasService.Settings(false, 6, false, List.of("nama", "nik", "nomor-surat")));
        db.actAs(was);
        ReactivationLetterService.Collective c = letters.collective(out, m).orElseThrow();
        assertThat(c.people()).isEqualTo(2);
        assertThat(c.number()).isEqualTo("460/001/3201-R/XI/2026");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(c.annex().toFile())) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).stream().map(x -> x.getText()).toList()).containsExactly("Nama", "NIK", "Nomor Surat Dinas");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).getCell(1).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(rows.get(1).getCellText(1)).hasSize(16);
            assertThat(rows.get(1).getCellText(2)).isEqualTo("460/001/3201/XI/2026");
        }
        assertThat(letters.collective(out, m)).isEmpty();
    }

    @Test
    void eachRoleDoesItsOwnStepAndNoOther() {
        db.actAs(VERA);
        assertThatThrownBy(() -> decisions.endorse(pondok)).isInstanceOf(AccessException.class);
        db.actAs(ADMIN);
        assertThatThrownBy(() -> decisions.decide(pondok, DecisionService.Decision.DISETUJUI, "lengkap", null))
                .isInstanceOf(AccessException.class);
        assertThatThrownBy(() -> decisions.endorse(pondok)).isInstanceOf(AccessException.class);
        assertThat(dinas.receive(VillageBundles.harapanjaya, Progress.none()).outcome()).isEqualTo(DinasService.Outcome.IMPORTED);
        db.actAs(KABID);
        assertThatThrownBy(() -> dinas.receive(VillageBundles.pondokLater, Progress.none())).isInstanceOf(AccessException.class);
        assertThatThrownBy(() -> decisions.decide(pondok, DecisionService.Decision.DISETUJUI, "lengkap", null))
                .isInstanceOf(AccessException.class);
        db.actAs(new Session("Pemeriksa", Role.PEMERIKSA));
        assertThatThrownBy(() -> decisions.take(pondok.get(0))).isInstanceOf(AccessException.class);
        assertThat(dinas.requests(null, null, null)).hasSize(5); // reading is everyone's
        assertThat(decisions.state(pondok.get(0)).status()).isEqualTo(DinasService.RECEIVED);
    }

    @Test
    void theReasonListHasItsBuiltInsAndTheAdministratorsOwn() {
        assertThat(decisions.reasons()).extracting(DecisionService.Reason::code).containsExactly("lengkap", "dokumen-kurang",
                "dokumen-tidak-terbaca", "ganda", "pernah-reaktivasi", "batas-waktu", "bukan-wilayah", "belum-rekam-ktp-el", "lain");
        db.actAs(VERA);
        assertThatThrownBy(() -> decisions.addReason("data-tidak-padan", "Data tidak padan")).isInstanceOf(AccessException.class);
        assertThatThrownBy(() -> decisions.decide(pondok, DecisionService.Decision.DITOLAK, "data-tidak-padan", null))
                .isInstanceOf(DinasException.class).hasFieldOrPropertyWithValue("key", "dinas.error.reasonUnknown");
        db.actAs(ADMIN);
        decisions.addReason("data-tidak-padan", "Data Adminduk dan DTSEN tidak padan");
        assertThatThrownBy(() -> decisions.addReason("lengkap", "lagi")).isInstanceOf(DinasException.class);
        assertThatThrownBy(() -> decisions.addReason("Huruf Besar", "x")).isInstanceOf(DinasException.class);
        assertThatThrownBy(() -> decisions.addReason("kosong", " ")).isInstanceOf(DinasException.class);
        db.actAs(VERA);
        decisions.decide(pondok, DecisionService.Decision.DITOLAK, "data-tidak-padan", null);
        assertThat(decisions.state(pondok.get(0)).reasonCode()).isEqualTo("data-tidak-padan");
        assertThat(decisions.reasons()).hasSize(10);
    }

    @Test
    void aRequestSentAgainAfterPerluPerbaikanStartsOverWithItsDecisionKept() {
        String two = VillageBundles.pondokRequestTwo;
        db.actAs(VERA);
        decisions.decide(List.of(two), DecisionService.Decision.PERLU_PERBAIKAN, "dokumen-kurang", "SKTM belum ada");
        db.actAs(KABID);
        decisions.endorse(List.of(two));
        db.actAs(VERA);
        dinas.receive(VillageBundles.pondokLater, Progress.none());
        DecisionService.State now = decisions.state(two);
        assertThat(now.status()).isEqualTo(DinasService.RECEIVED);
        assertThat(now.decision()).isNull();
        Map<String, Object> kept = db.read(h -> h.createQuery(
                "SELECT decision, reason_code, endorsed_by FROM dinas_request_version WHERE request_id = :id").bind("id", two)
                .mapToMap().one());
        assertThat(kept).containsEntry("decision", "perlu-perbaikan").containsEntry("reason_code", "dokumen-kurang")
                .containsEntry("endorsed_by", "Kabid");
    }

    @Test
    void theDuplicateQueueIsSettledByAnOfficerNeverByItself() {
        List<DecisionService.Duplicate> queue = decisions.duplicates();
        assertThat(queue).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DecisionService.OPEN);
            assertThat(d.villages()).containsExactly("32.01.01.1001", "32.01.01.1002");
        });
        String nik = queue.get(0).nik();
        String kept = queue.get(0).requests().get(0);
        String other = queue.get(0).requests().get(1);
        db.actAs(KABID);
        assertThatThrownBy(() -> decisions.merge(nik, kept, v -> v)).isInstanceOf(AccessException.class);
        db.actAs(VERA);
        String notOfIt = karadenan.stream().filter(id -> !queue.get(0).requests().contains(id)).findFirst().orElseThrow();
        assertThatThrownBy(() -> decisions.merge(nik, notOfIt, v -> v)).isInstanceOf(DinasException.class)
                .hasFieldOrPropertyWithValue("key", "dinas.error.keep");
        decisions.merge(nik, kept, v -> "Digabung dengan usulan dari desa " + v);
        DecisionService.State s = decisions.state(other);
        assertThat(s.status()).isEqualTo(DecisionService.DECIDED);
        assertThat(s.decision()).isEqualTo("ditolak");
        assertThat(s.reasonCode()).isEqualTo("ganda");
        assertThat(s.note()).isEqualTo("Digabung dengan usulan dari desa 32.01.01.1001");
        assertThat(decisions.state(kept).status()).isEqualTo(DinasService.RECEIVED);
        assertThat(decisions.duplicates()).singleElement().extracting(DecisionService.Duplicate::state)
                .isEqualTo(DecisionService.MERGED);
    }

    @Test
    void notTheSameCaseSettlesTheQueueAndDropsTheMark() {
        String nik = decisions.duplicates().get(0).nik();
        assertThatThrownBy(() -> decisions.notDuplicate(nik, "")).isInstanceOf(DinasException.class);
        decisions.notDuplicate(nik, "Dua orang berbeda, NIK salah ketik di desa; sudah dicek ke Dukcapil");
        assertThat(decisions.duplicates()).singleElement().extracting(DecisionService.Duplicate::state)
                .isEqualTo(DecisionService.NOT_DUPLICATE);
        assertThat(dinas.requests(null, null, Check.GANDA)).isEmpty();
        assertThat(dinas.requests(null, null, Check.MENDESAK)).hasSize(2); // the other marks stay
    }

    @Test
    void someoneReactivatedBeforeIsMarkedWhenAskedForAgain() {
        // a fresh district: Pondok Rajeg's family 1 is approved and endorsed, then Karadenan sends the same NIK
        Database other = TestStore.open(engine, dir.resolve("lain"));
        try (Wiring w = Wiring.of(other, Wilayah.load(), Clock.systemUTC(), "test")) {
            w.dinas().setUp("32.01", "Dinas Sosial Kabupaten Bogor");
            w.officeKeys(VillageBundles.DISTRICT);
            other.actAs(VERA);
            w.dinas().receive(VillageBundles.pondokFirst, Progress.none());
            String one = w.dinas().requests(null, null, Check.MENDESAK).get(0).id();
            w.decisions().decide(List.of(one), DecisionService.Decision.DISETUJUI, "lengkap", null);
            other.actAs(KABID);
            w.decisions().endorse(List.of(one));
            other.actAs(VERA);
            w.dinas().receive(VillageBundles.karadenan, Progress.none());
            List<DinasService.ReceivedRequest> again = w.dinas().requests(null, "32.01.01.1002", Check.PERNAH_REAKTIVASI);
            assertThat(again).singleElement().satisfies(r -> assertThat(r.checks()).doesNotContain(Check.GANDA));
            assertThat(w.dinas().requests(null, "32.01.01.1001", Check.PERNAH_REAKTIVASI)).isEmpty();
        }
    }

    private List<String> ids(String village) {
        return dinas.requests(null, village, null).stream().map(DinasService.ReceivedRequest::id).toList();
    }
}
