package id.berkasdesa.request;

import id.berkasdesa.db.TestStore;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import static id.berkasdesa.household.Households.WILAYAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.db.Database;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.document.RequirementPreset;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Households;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests on a real H2 file, with real documents attached, and a clock the test moves. */
@ParameterizedClass
@ValueSource(strings = {TestStore.H2, TestStore.POSTGRESQL})
class RequestServiceTest {

    /** Every case runs on an H2 file and on PostgreSQL. */
    @Parameter
    String engine;

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** A clock the test sets: today is whatever the case needs. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(LocalDate day) {
            set(day);
        }

        void set(LocalDate day) {
            now = day.atTime(9, 0).atZone(JAKARTA).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return JAKARTA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;
    @TempDir
    Path files;
    TestClock clock = new TestClock(TODAY);
    Database db;
    HouseholdService households;
    DocumentService documents;
    RequestService requests;
    Household family;
    UUID member;

    @BeforeEach
    void open() {
        db = TestStore.open(engine, dir);
        households = new HouseholdService(db, WILAYAH, clock);
        SettingsStore settings = new SettingsStore(db);
        documents = new DocumentService(db, settings, clock);
        requests = new RequestService(db, households, documents, settings, clock);
        family = Households.family(1);
        households.save(family, true);
        member = family.members().get(0).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    void attach(DocumentKind kind, UUID owner, LocalDate date, Diagnosis diagnosis) {
        Path scan = TestFiles.jpeg(files.resolve(UUID.randomUUID() + ".jpg"), 400, 300, 1);
        documents.attach(new DocumentService.Attach(family.id(), owner, kind, null, date,
                kind == DocumentKind.FASKES ? "Puskesmas Cibinong" : null, diagnosis), List.of(scan));
    }

    void attachAllButSktm() {
        attach(DocumentKind.KTP, member, TODAY.minusYears(1), null);
        attach(DocumentKind.KK, null, TODAY.minusYears(1), null);
        attach(DocumentKind.FASKES, member, TODAY.minusDays(3), Diagnosis.GAGAL_GINJAL);
    }

    static RequestForm form(LocalDate deletion, Diagnosis category) {
        return new RequestForm(TODAY.minusDays(1), CheckChannel.MOBILE_JKN, "0001234567890", deletion, Route.DESA,
                "Kartu nonaktif saat cuci darah", category, true, true);
    }

    @Test
    void aRequestLackingAnSktmIsADraftUntilTheSktmIsAttached() {
        attachAllButSktm();
        ReactivationRequest r = requests.create(family.id(), member, form(TODAY.minusMonths(2), Diagnosis.GAGAL_GINJAL));
        assertThat(r.status()).isEqualTo(RequestStatus.DRAF);
        assertThat(r.urgent()).isTrue();
        assertThat(r.blocking()).isEqualTo(1);
        assertThat(requests.open(r.id()).orElseThrow().evaluation().blockers()).singleElement()
                .satisfies(c -> assertThat(c.args()).containsExactly(DocumentKind.SKTM));

        attach(DocumentKind.SKTM, null, TODAY.minusDays(1), null); // the household's SKTM counts for the member

        ReactivationRequest ready = requests.find(r.id()).orElseThrow();
        assertThat(ready.status()).isEqualTo(RequestStatus.SIAP_KIRIM);
        assertThat(ready.blocking()).isZero();
        assertThat(requests.open(r.id()).orElseThrow().history()).extracting(RequestEvent::status)
                .containsExactly(RequestStatus.DRAF, RequestStatus.SIAP_KIRIM);
    }

    @Test
    void aRequestGoesThroughItsStatusesWithADatedHistoryAndAFollowUp() {
        attachAllButSktm();
        attach(DocumentKind.SKTM, member, TODAY, null);
        ReactivationRequest r = requests.create(family.id(), member, form(TODAY.minusMonths(1), null));
        assertThat(r.status()).isEqualTo(RequestStatus.SIAP_KIRIM);

        requests.move(r.id(), RequestStatus.TERKIRIM, null, "Unggah SIKS-NG 23-11-2026");
        clock.set(TODAY.plusDays(20));
        requests.move(r.id(), RequestStatus.DISETUJUI, null, null);
        clock.set(TODAY.plusDays(30));
        ReactivationRequest active = requests.move(r.id(), RequestStatus.AKTIF_KEMBALI, TODAY.plusDays(28), null);
        assertThat(active.reactivatedOn()).isEqualTo(TODAY.plusDays(28)); // 21 Dec 2026: period Oct–Dec counts first
        assertThat(active.followUpDue()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(active.bundle()).isEqualTo("Unggah SIKS-NG 23-11-2026");
        assertThat(requests.search(RequestFilter.all().withView(RequestFilter.View.FOLLOW_UP_DUE))).isEmpty();
        clock.set(LocalDate.of(2027, 3, 10));
        assertThat(requests.search(RequestFilter.all().withView(RequestFilter.View.FOLLOW_UP_DUE)))
                .extracting(RequestSummary::id).containsExactly(r.id());
        assertThat(requests.dashboard().followUpsDue()).isEqualTo(1);

        db.actAs(new id.berkasdesa.common.Session("Rina", id.berkasdesa.common.Role.OPERATOR)); // signed in from here on
        requests.closeFollowUp(r.id(), LocalDate.of(2027, 3, 9));
        assertThat(requests.dashboard().followUpsDue()).isZero();
        List<RequestEvent> history = requests.open(r.id()).orElseThrow().history();
        assertThat(history).extracting(RequestEvent::status).containsExactly(RequestStatus.SIAP_KIRIM,
                RequestStatus.TERKIRIM, RequestStatus.DISETUJUI, RequestStatus.AKTIF_KEMBALI, RequestStatus.AKTIF_KEMBALI);
        assertThat(history.get(4).followUp()).isTrue();
        assertThat(history.get(4).operator()).isEqualTo("Rina"); // who recorded the line
        assertThat(history.get(0).operator()).isNull(); // nobody named before accounts
        assertThat(history.get(4).date()).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(history.get(2).at().toLocalDate()).isEqualTo(TODAY.plusDays(20));
        assertThat(history.get(3).date()).isEqualTo(TODAY.plusDays(28));
    }

    @Test
    void movesTheStatusMachineDoesNotAllowChangeNothing() {
        attachAllButSktm();
        ReactivationRequest draft = requests.create(family.id(), member, form(TODAY.minusMonths(1), null));
        assertThat(draft.status()).isEqualTo(RequestStatus.DRAF);
        assertThatThrownBy(() -> requests.move(draft.id(), RequestStatus.TERKIRIM, null, "paket"))
                .isInstanceOfSatisfying(RequestException.class,
                        e -> assertThat(e.key()).isEqualTo("request.error.transition"));
        attach(DocumentKind.SKTM, member, TODAY, null);
        assertThatThrownBy(() -> requests.move(draft.id(), RequestStatus.TERKIRIM, null, " "))
                .isInstanceOfSatisfying(RequestException.class,
                        e -> assertThat(e.key()).isEqualTo("request.error.bundleRequired"));
        requests.move(draft.id(), RequestStatus.TERKIRIM, null, "paket 1");
        assertThatThrownBy(() -> requests.move(draft.id(), RequestStatus.DITOLAK, null, ""))
                .isInstanceOfSatisfying(RequestException.class,
                        e -> assertThat(e.key()).isEqualTo("request.error.reasonRequired"));
        assertThatThrownBy(() -> requests.move(draft.id(), RequestStatus.AKTIF_KEMBALI, TODAY, null))
                .isInstanceOf(RequestException.class);
        assertThatThrownBy(() -> requests.update(draft.id(), form(TODAY.minusMonths(3), null)))
                .isInstanceOfSatisfying(RequestException.class,
                        e -> assertThat(e.key()).isEqualTo("request.error.notEditable"));
        assertThatThrownBy(() -> requests.deleteUnsent(draft.id())).isInstanceOf(RequestException.class);
        ReactivationRequest stored = requests.find(draft.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RequestStatus.TERKIRIM);
        assertThat(stored.form().deletionDate()).isEqualTo(TODAY.minusMonths(1));
        requests.move(draft.id(), RequestStatus.DITOLAK, null, "Bukan desil 1-5");
        assertThat(requests.find(draft.id()).orElseThrow().decisionReason()).isEqualTo("Bukan desil 1-5");
        assertThat(RequestStatus.DITOLAK.next()).isEmpty();
    }

    @Test
    void aSecondOpenRequestForTheSameNikIsBlockedUntilTheFirstEnds() {
        attachAllButSktm();
        attach(DocumentKind.SKTM, member, TODAY, null);
        ReactivationRequest first = requests.create(family.id(), member, form(TODAY.minusMonths(1), null));
        ReactivationRequest second = requests.create(family.id(), member, form(TODAY.minusMonths(1), null));
        assertThat(second.status()).isEqualTo(RequestStatus.DRAF);
        assertThat(requests.open(second.id()).orElseThrow().evaluation().blockers()).extracting(RuleCheck::key)
                .containsExactly("request.rule.duplicate.open");
        // the later one is the duplicate: the first stays ready when opened again
        assertThat(requests.open(first.id()).orElseThrow().request().status()).isEqualTo(RequestStatus.SIAP_KIRIM);
        requests.move(first.id(), RequestStatus.TERKIRIM, null, "paket 1");
        requests.move(first.id(), RequestStatus.DITOLAK, null, "Data tidak padan");
        // the first ended: a new attempt may go ahead
        assertThat(requests.open(second.id()).orElseThrow().request().status()).isEqualTo(RequestStatus.SIAP_KIRIM);
        requests.deleteUnsent(second.id());
        assertThat(requests.find(second.id())).isEmpty();
    }

    /**
     * The same person on another KK (she moved, and is registered there with her NIK): her open request
     * from the old KK makes the new one the duplicate, and only her own NIK counts.
     */
    @Test
    void anOpenRequestUnderTheSameNikOnAnotherKkMakesTheNewOneTheDuplicate() {
        Member siti = family.members().get(1);
        ReactivationRequest onTheOldKk = requests.create(family.id(), siti.id(), form(TODAY.minusMonths(1), null));
        households.save(family.withMembers(family.members().stream()
                .map(m -> m.id().equals(siti.id()) ? m.withStatus(MemberStatus.PINDAH, TODAY) : m).toList()), true);
        Household other = Households.family(2);
        Member there = new Member(UUID.randomUUID(), siti.nik(), false, siti.nama(), siti.sex(), siti.tempatLahir(),
                siti.tanggalLahir(), siti.agama(), siti.pendidikan(), siti.pekerjaan(), siti.statusPerkawinan(),
                other.members().get(1).shdk(), siti.kewarganegaraan(), siti.namaAyah(), siti.namaIbu(),
                MemberStatus.AKTIF, null);
        Household newKk = other.withMembers(List.of(other.members().get(0), there, other.members().get(2)));
        assertThat(households.save(newKk, true).saved()).isTrue();

        ReactivationRequest onTheNewKk = requests.create(newKk.id(), there.id(), form(TODAY.minusMonths(1), null));
        assertThat(requests.open(onTheNewKk.id()).orElseThrow().evaluation().blockers()).extracting(RuleCheck::key)
                .contains("request.rule.duplicate.open");
        // another member of the new KK, another NIK: no duplicate
        ReactivationRequest neighbour = requests.create(newKk.id(), newKk.members().get(2).id(), form(TODAY.minusMonths(1), null));
        assertThat(requests.open(neighbour.id()).orElseThrow().evaluation().blockers()).extracting(RuleCheck::key)
                .doesNotContain("request.rule.duplicate.open");
        // the old one ends: the new one is no longer a duplicate
        requests.deleteUnsent(onTheOldKk.id());
        assertThat(requests.open(onTheNewKk.id()).orElseThrow().evaluation().blockers()).extracting(RuleCheck::key)
                .doesNotContain("request.rule.duplicate.open");
    }

    @Test
    void aPersonWhoMovedOutCannotBeProposed() {
        attachAllButSktm();
        attach(DocumentKind.SKTM, member, TODAY, null);
        ReactivationRequest r = requests.create(family.id(), family.members().get(1).id(), form(TODAY.minusMonths(1), null));
        Household moved = family.withMembers(family.members().stream()
                .map(m -> m.id().equals(family.members().get(1).id()) ? m.withStatus(MemberStatus.PINDAH, TODAY) : m)
                .toList());
        assertThat(households.save(moved, true).saved()).isTrue();
        assertThat(requests.find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.DRAF);
        assertThat(requests.open(r.id()).orElseThrow().evaluation().blockers()).extracting(RuleCheck::key)
                .contains("request.rule.person.moved");
    }

    @Test
    void aDayPassingOrASettingChangingReEvaluatesOpenRequestsAndSaysWhichChanged() {
        attachAllButSktm();
        attach(DocumentKind.SKTM, member, TODAY, null);
        ReactivationRequest closeToLimit = requests.create(family.id(), member, form(TODAY.minusMonths(6), Diagnosis.GAGAL_GINJAL));
        assertThat(closeToLimit.status()).isEqualTo(RequestStatus.SIAP_KIRIM); // today is the last day
        assertThat(requests.dashboard().deadlinesSoon()).isEqualTo(1);

        clock.set(TODAY.plusDays(1));
        List<RequestService.Change> changes = requests.reevaluateOpen();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo(RequestStatus.SIAP_KIRIM);
            assertThat(c.after()).isEqualTo(RequestStatus.DRAF);
        });
        assertThat(requests.reevaluateOpen()).isEmpty(); // nothing new the second time

        // a wider window (a new regulation) makes it ready again; dropping kidney failure from the
        // urgent categories makes it regular: both reported
        RequestPolicy wider = new RequestPolicy(12, 30, EnumSet.of(Diagnosis.KANKER), 2,
                RequestPolicy.DEFAULTS.periodStarts());
        List<RequestService.Change> after = requests.savePolicy(wider);
        assertThat(after).singleElement().satisfies(c -> {
            assertThat(c.after()).isEqualTo(RequestStatus.SIAP_KIRIM);
            assertThat(c.urgentBefore()).isTrue();
            assertThat(c.urgentAfter()).isFalse();
        });
        assertThat(requests.policy()).isEqualTo(wider);

        // the document preset is the documents' setting: without the KTP, the central preset still passes
        documents.saveSettings(new DocumentSettings(RequirementPreset.PUSAT_2026, 1_000_000, 6));
        assertThat(requests.reevaluateOpen()).isEmpty();
    }

    /** The window's check, a part at a time: the same change found; a request deleted meanwhile is passed over. */
    @Test
    void theCheckAPartAtATimeFindsTheChangesAndPassesOverARequestGoneMeanwhile() {
        attachAllButSktm();
        attach(DocumentKind.SKTM, member, TODAY, null);
        ReactivationRequest closeToLimit = requests.create(family.id(), member, form(TODAY.minusMonths(6), null));
        ReactivationRequest other = requests.create(family.id(), family.members().get(1).id(), form(TODAY.minusMonths(1), null));
        List<UUID> ids = requests.toReevaluate(true);
        assertThat(ids).containsExactly(closeToLimit.id(), other.id());
        requests.deleteUnsent(other.id());
        clock.set(TODAY.plusDays(1)); // past the 6 months now

        assertThat(requests.reevaluatePart(ids.subList(0, 1))).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo(RequestStatus.SIAP_KIRIM);
            assertThat(c.after()).isEqualTo(RequestStatus.DRAF);
        });
        assertThat(requests.reevaluatePart(ids.subList(1, 2))).isEmpty();
        assertThat(requests.find(closeToLimit.id()).orElseThrow().status()).isEqualTo(RequestStatus.DRAF);
        assertThat(requests.toReevaluate(true)).containsExactly(closeToLimit.id());
        assertThat(requests.reevaluatePart(List.of())).isEmpty();
    }

    @Test
    void openingARequestShowsTodaysRulesButWritesNothing() {
        attachAllButSktm();
        attach(DocumentKind.SKTM, member, TODAY.minusMonths(5), null);
        ReactivationRequest r = requests.create(family.id(), member, form(TODAY.minusMonths(2), Diagnosis.GAGAL_GINJAL));
        assertThat(r.status()).isEqualTo(RequestStatus.SIAP_KIRIM);
        clock.set(TODAY.plusMonths(2)); // the SKTM is now older than 6 months

        RequestService.Opened opened = requests.open(r.id()).orElseThrow();

        assertThat(opened.request().status()).as("what the rules say today").isEqualTo(RequestStatus.DRAF);
        assertThat(opened.evaluation().ready()).isFalse();
        assertThat(requests.find(r.id()).orElseThrow().status()).as("nothing stored by opening")
                .isEqualTo(RequestStatus.SIAP_KIRIM);
        assertThat(requests.open(r.id()).orElseThrow().history()).hasSameSizeAs(opened.history());
        assertThat(requests.reevaluatePreparing()).singleElement()
                .satisfies(c -> assertThat(c.after()).isEqualTo(RequestStatus.DRAF));
        assertThat(requests.find(r.id()).orElseThrow().status()).isEqualTo(RequestStatus.DRAF);
    }

    @Test
    void listsFilterByStatusUrgencyAreaRouteAndTheRegisterSearch() {
        attachAllButSktm();
        ReactivationRequest draft = requests.create(family.id(), member, form(TODAY.minusMonths(1), Diagnosis.GAGAL_GINJAL));
        Household other = Households.family(2);
        households.save(other, true);
        ReactivationRequest otherRequest = requests.create(other.id(), other.members().get(0).id(),
                new RequestForm(null, null, null, null, Route.DINSOS, null, null, null, null));

        assertThat(requests.search(RequestFilter.all())).hasSize(2).first()
                .satisfies(s -> assertThat(s.id()).isEqualTo(draft.id())); // urgent first
        assertThat(requests.search(RequestFilter.all().withUrgent(true))).extracting(RequestSummary::id)
                .containsExactly(draft.id());
        assertThat(requests.search(RequestFilter.all().withRoute(Route.DINSOS)))
                .extracting(RequestSummary::id).containsExactly(otherRequest.id());
        assertThat(requests.search(RequestFilter.all().withArea(other.rt(), other.rw())))
                .extracting(RequestSummary::id).contains(otherRequest.id());
        assertThat(requests.search(RequestFilter.all().withStatuses(Set.of(RequestStatus.SIAP_KIRIM)))).isEmpty();
        String nik = family.members().get(0).nik();
        assertThat(requests.search(RequestFilter.all().withText(nik.substring(0, 10)))).extracting(RequestSummary::id)
                .contains(draft.id()).doesNotContain(otherRequest.id());
        assertThat(requests.search(RequestFilter.all().withText(family.noKk()))).extracting(RequestSummary::id)
                .containsExactly(draft.id());
        String fragment = family.members().get(0).nama().substring(1, 5).toLowerCase();
        assertThat(requests.search(RequestFilter.all().withText(fragment))).extracting(RequestSummary::id)
                .contains(draft.id());
        assertThat(requests.search(RequestFilter.all().withText("100%_"))).isEmpty(); // wildcards are text

        Dashboard d = requests.dashboard();
        assertThat(d.byStatus().get(RequestStatus.DRAF)).isEqualTo(2);
        assertThat(d.total()).isEqualTo(2);
        assertThat(d.urgentOpenCount()).isEqualTo(1);
        assertThat(d.urgentOpen()).extracting(RequestSummary::id).containsExactly(draft.id());
        assertThat(d.perMonth()).hasSize(12);
        assertThat(d.perMonth().get(YearMonth.of(2026, 11)).get(RequestStatus.DRAF)).isEqualTo(2);
        // a bar of the chart opens the list behind it
        assertThat(requests.search(RequestFilter.all().withMonth(YearMonth.of(2026, 11)))).hasSize(2);
        assertThat(requests.search(RequestFilter.all().withMonth(YearMonth.of(2026, 10)))).isEmpty();
    }

    @Test
    void theHomeScreensUrgentRequestsAreTheFirstOfTheUrgentListTiesOnTheDeadlineByName() {
        // twelve urgent requests, nine of them deleted on the same day: the eighth place is decided by name
        for (int i = 0; i < 12; i++) {
            Household h = Households.family(20 + i);
            households.save(h, true);
            LocalDate deleted = i < 9 ? TODAY.minusMonths(2) : TODAY.minusMonths(1).minusDays(i);
            requests.create(h.id(), h.members().get(0).id(), form(deleted, Diagnosis.GAGAL_GINJAL));
        }
        Household calm = Households.family(40);
        households.save(calm, true);
        requests.create(calm.id(), calm.members().get(0).id(), form(TODAY.minusMonths(3), null));

        List<RequestSummary> urgentList = requests.search(RequestFilter.all().withView(RequestFilter.View.URGENT_OPEN));
        assertThat(urgentList).hasSize(12);
        Dashboard d = requests.dashboard();
        assertThat(d.urgentOpen()).hasSize(RequestService.DASHBOARD_URGENT)
                .extracting(RequestSummary::id).containsExactlyElementsOf(urgentList.stream()
                        .limit(RequestService.DASHBOARD_URGENT).map(RequestSummary::id).toList());
        assertThat(d.urgentOpenCount()).isEqualTo(12);
        assertThat(d.total()).isEqualTo(13);
    }

    @Test
    void theListPdfGoesToTheChosenFileOrNowhere() throws Exception {
        attachAllButSktm();
        requests.create(family.id(), member, form(TODAY.minusMonths(1), Diagnosis.GAGAL_GINJAL));
        List<RequestSummary> rows = requests.search(RequestFilter.all());
        RequestListPdf pdf = new RequestListPdf(id.berkasdesa.common.Messages.indonesian());
        RequestListPdf.Heading heading = new RequestListPdf.Heading("PONDOK RAJEG", "Kantor Kelurahan", "Ani Ş",
                "Hj. Ratna", "semua usulan", TODAY);
        Path target = files.resolve("daftar.pdf");
        pdf.save(rows, heading, target);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(target.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains(family.members().get(0).nama(), "Gagal ginjal", "Draf", "( Ani Ş )",
                    "( Hj. Ratna )").doesNotContain("/..."); // RT/RW whole in the embedded font
        }
        // a folder that is not there (a stick pulled out): a message, and no file left behind
        Path gone = files.resolve("tidak-ada").resolve("daftar.pdf");
        assertThatThrownBy(() -> pdf.save(rows, heading, gone)).isInstanceOfSatisfying(RequestException.class,
                e -> assertThat(e.key()).isEqualTo("request.pdf.failed"));
        assertThat(java.nio.file.Files.exists(gone.getParent())).isFalse();
        try (var left = java.nio.file.Files.list(files)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        // many rows run over several pages, the signature on the last
        List<RequestSummary> many = java.util.Collections.nCopies(90, rows.get(0));
        pdf.save(many, heading, target);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(target.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(doc.getNumberOfPages());
            assertThat(stripper.getText(doc)).contains("Kepala Desa/Lurah");
        }
    }

    @Test
    void requestsSurviveReopeningTheStore() {
        attachAllButSktm();
        ReactivationRequest r = requests.create(family.id(), member, form(TODAY.minusMonths(1), null));
        db.close();
        db = TestStore.open(engine, dir);
        households = new HouseholdService(db, WILAYAH, clock);
        SettingsStore settings = new SettingsStore(db);
        documents = new DocumentService(db, settings, clock);
        requests = new RequestService(db, households, documents, settings, clock);
        assertThat(requests.find(r.id())).hasValueSatisfying(s -> {
            assertThat(s.form()).isEqualTo(r.form());
            assertThat(s.status()).isEqualTo(RequestStatus.DRAF);
        });
    }
}
