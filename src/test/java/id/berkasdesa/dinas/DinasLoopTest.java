package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.TestStore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole loop on real files, with the district on an H2 file and on PostgreSQL: three village
 * stores (one sends a NIK another also sends) → their bundles on one stick → the district's inbox →
 * the checks and the duplicate → decisions → endorsement → the answers → each village reads its
 * answer and shows the decision and its reason.
 */
@ParameterizedClass
@ValueSource(strings = {TestStore.H2, TestStore.POSTGRESQL})
class DinasLoopTest {

    @Parameter
    String engine;

    @TempDir
    Path dir;

    @Test
    void threeVillagesToTheDistrictAndBack() throws Exception {
        Clock sent = Clock.fixed(VillageBundles.SENT.atTime(10, 30).atZone(VillageBundles.JAKARTA).toInstant(),
                VillageBundles.JAKARTA);
        Clock later = Clock.fixed(VillageBundles.SENT.plusDays(2).atTime(9, 0).atZone(VillageBundles.JAKARTA).toInstant(),
                VillageBundles.JAKARTA);
        KeyPair office = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor");
        Path stick = Files.createDirectories(dir.resolve("flashdisk"));
        Path back = dir.resolve("flashdisk-balasan");
        try (BundleStore pondok = village("32.01.01.1001", "Pondok Rajeg", sent, office, 1, 2);
                BundleStore karadenan = village("32.01.01.1002", "Karadenan", sent, office, 1, 3);
                BundleStore harapanjaya = village("32.01.01.1003", "Harapanjaya", sent, office, 4)) {
            for (BundleStore v : List.of(pondok, karadenan, harapanjaya)) {
                v.services().bundles().export(v.ready, stick, Progress.none());
            }

            Database db = TestStore.open(engine, dir.resolve("dinas"));
            try (Wiring district = Wiring.of(db, Wilayah.load(), later, BuildInfo.current().version())) {
                district.dinas().setUp("32.01", "Dinas Sosial Kabupaten Bogor");
                district.officeKeys(office);
                db.actAs(new Session("Vera", Role.VERIFIKATOR));
                try (var files = Files.list(stick)) {
                    for (Path f : files.sorted().toList()) {
                        assertThat(district.dinas().receive(f, Progress.none()).outcome()).isEqualTo(DinasService.Outcome.IMPORTED);
                    }
                }
                String pondokOne = pondok.ready.get(0).toString();
                String pondokTwo = pondok.ready.get(1).toString();
                String karadenanOne = karadenan.ready.get(0).toString();
                assertThat(district.dinas().requests(null, null, Check.GANDA)).extracting(DinasService.ReceivedRequest::id)
                        .containsExactlyInAnyOrder(pondokOne, karadenanOne);

                DecisionService d = district.decisions();
                d.decide(List.of(pondokOne, karadenan.ready.get(1).toString(), harapanjaya.ready.get(0).toString()),
                        DecisionService.Decision.DISETUJUI, "lengkap", null);
                d.decide(List.of(karadenanOne), DecisionService.Decision.DITOLAK, "ganda", "sudah diusulkan Desa Pondok Rajeg");
                d.decide(List.of(pondokTwo), DecisionService.Decision.PERLU_PERBAIKAN, "dokumen-tidak-terbaca", "KK buram");
                db.actAs(new Session("Kabid", Role.PENGESAH));
                assertThat(d.endorse(d.proposed())).isEqualTo(5);

                db.actAs(new Session("Vera", Role.VERIFIKATOR));
                Messages m = Messages.indonesian();
                recap(district, m);
                List<AnswerService.Made> made = district.answers().write(null, back, false, c -> m.get("dinas.reason." + c));
                assertThat(made).extracting(AnswerService.Made::village)
                        .containsExactlyInAnyOrder("32.01.01.1001", "32.01.01.1002", "32.01.01.1003");
                assertThat(made).extracting(AnswerService.Made::decisions).containsExactlyInAnyOrder(2, 2, 1);
                assertThat(district.answers().unanswered()).isZero();
                assertThat(district.answers().write(null, dir.resolve("lagi"), false, c -> c)).isEmpty(); // not twice by mistake
                assertThat(district.answers().write("32.01.01.1002", dir.resolve("lagi"), true, c -> m.get("dinas.reason." + c)))
                        .hasSize(1); // again, on purpose

                Map<String, Path> byVillage = made.stream().collect(Collectors.toMap(AnswerService.Made::village,
                        AnswerService.Made::file));
                Map<UUID, ResponseService.Change> pondokRead = apply(pondok, byVillage.get("32.01.01.1001"));
                assertThat(pondokRead.get(pondok.ready.get(0)).after()).isEqualTo(RequestStatus.DISETUJUI);
                assertThat(pondokRead.get(pondok.ready.get(1)).after()).isEqualTo(RequestStatus.PERLU_PERBAIKAN);
                assertThat(pondokRead.get(pondok.ready.get(1)).reason()).contains("Dokumen tidak terbaca").contains("KK buram");
                Map<UUID, ResponseService.Change> karadenanRead = apply(karadenan, byVillage.get("32.01.01.1002"));
                assertThat(karadenanRead.get(karadenan.ready.get(0)).after()).isEqualTo(RequestStatus.DITOLAK);
                assertThat(karadenanRead.get(karadenan.ready.get(0)).reason()).contains("Usulan ganda").contains("Pondok Rajeg");
                assertThat(apply(harapanjaya, byVillage.get("32.01.01.1003")).get(harapanjaya.ready.get(0)).after())
                        .isEqualTo(RequestStatus.DISETUJUI);
                assertThat(karadenan.services().requests().find(karadenan.ready.get(0)).orElseThrow().status())
                        .isEqualTo(RequestStatus.DITOLAK);
            }
        }
    }

    /** The month's recap: received, decided by outcome, the urgent ones; as a spreadsheet and as a PDF. */
    private void recap(Wiring district, Messages m) throws Exception {
        java.time.YearMonth november = java.time.YearMonth.of(2026, 11);
        List<RecapService.Row> rows = district.recaps().month(november);
        assertThat(rows).extracting(RecapService.Row::kodeDesa).containsExactly("32.01.01.1001", "32.01.01.1002", "32.01.01.1003");
        RecapService.Row pondok = rows.get(0);
        assertThat(List.of(pondok.received(), pondok.approved(), pondok.rejected(), pondok.toFix(), pondok.open(), pondok.urgent()))
                .containsExactly(2, 1, 0, 1, 0, 1);
        assertThat(pondok.medianDays()).isEqualTo(0.0); // endorsed on the day it came (a fixed clock)
        assertThat(rows.get(1).rejected()).isEqualTo(1);
        assertThat(district.recaps().month(november.plusMonths(1))).isEmpty();
        Path xlsx = district.recaps().write(november, dir.resolve("rekap.xlsx"), m, "Dinas Sosial Kabupaten Bogor");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile());
                var sheet = wb.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> r = sheet.toList();
            assertThat(r.get(1).getCellText(2)).isEqualTo("Diterima");
            assertThat(r.get(2).getCellAsNumber(2)).contains(java.math.BigDecimal.valueOf(2));
        }
        Path pdf = district.recaps().write(november, dir.resolve("rekap.pdf"), m, "Dinas Sosial Kabupaten Bogor");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Rekap reaktivasi PBI-JK", "11/2026", "Pondok Rajeg", "Halaman 1 dari 1");
        }
    }

    private BundleStore village(String code, String name, Clock clock, KeyPair office, int... seeds) {
        BundleStore s = new BundleStore(dir.resolve(code), dir.resolve("scan-" + code), clock,
                new VillageProfile(code, name, "Kantor Desa " + name, "Operator " + name, false), seeds);
        s.services().districtKeys().importKey(office.publicKeys(), false);
        return s;
    }

    /** The village reads the answer, previews it and applies it: the changes it showed, by request. */
    private static Map<UUID, ResponseService.Change> apply(BundleStore village, Path answer) {
        ResponseService.Preview p = village.services().responses().read(answer);
        assertThat(p.skipped()).isEmpty();
        village.services().responses().apply(p);
        return p.changes().stream().collect(Collectors.toMap(ResponseService.Change::id, c -> c));
    }
}
