package id.berkasdesa.letter;

import id.berkasdesa.surat.LetterException;
import id.berkasdesa.surat.LetterType;
import id.berkasdesa.surat.LetterQr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Letters on a real store: numbered once, archived, signed, checked, cancelled; bad input refused with nothing numbered. */
class LetterServiceTest {

    @TempDir
    Path dir;

    private static Clock at(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant(), ZoneId.of("Asia/Jakarta"));
    }

    private static Household village(Wiring w) {
        w.villages().save(new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor Kelurahan Pondok Rajeg", "Ani", false,
                "H. Sukarna"));
        w.actAsVillageOperator();
        Household f = Households.family(41);
        List<Member> members = new ArrayList<>(f.members());
        Member wife = members.get(1);
        // a name as typed, with letters outside ASCII: printed as typed, never '?'
        members.set(1, new Member(wife.id(), wife.nik(), false, "Ŝiti Ñurhayati Ä.", wife.sex(), wife.tempatLahir(),
                wife.tanggalLahir(), wife.agama(), wife.pendidikan(), wife.pekerjaan(), wife.statusPerkawinan(), wife.shdk(),
                wife.kewarganegaraan(), wife.namaAyah(), wife.namaIbu(), wife.status(), wife.statusDate()));
        Member child = members.get(2);
        // a child without a NIK yet: a letter may still be issued (its QR then carries no NIK hash)
        members.set(2, new Member(child.id(), null, true, child.nama(), child.sex(), child.tempatLahir(), child.tanggalLahir(),
                child.agama(), child.pendidikan(), child.pekerjaan(), child.statusPerkawinan(), child.shdk(),
                child.kewarganegaraan(), child.namaAyah(), child.namaIbu(), child.status(), child.statusDate()));
        return w.households().save(f.withMembers(members), true).household();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void anSktmIsNumberedSignedArchivedAndCountsAsThePersonsSktm() throws Exception {
        try (Wiring w = Wiring.open(dir, at("2026-12-06"))) {
            Household h = village(w);
            Member siti = h.members().get(1);
            LetterService.Draft d = w.letters().draft(LetterType.SKTM, h.id(), siti.id(), "Reaktivasi PBI-JK");
            LetterService.Issued first = w.letters().issue(d);
            assertThat(first.number()).isEqualTo("401/001/3201011001/XII/2026");
            assertThat(first.validUntil()).isEqualTo(LocalDate.parse("2027-01-06"));
            String printed = text(first.pdf());
            assertThat(printed).contains("ŜITI ÑURHAYATI Ä.", siti.nik(), "Nomor: 401/001/3201011001/XII/2026",
                    "Reaktivasi PBI-JK", "Januari 2027", "H. Sukarna", "Lurah Pondok Rajeg", "halaman 1 dari 1")
                    .doesNotContain("?");
            // the QR proves itself: this store's key, in its register, not cancelled
            LetterQr qr = LetterService.readPdf(first.pdf()).orElseThrow();
            assertThat(qr.names(siti.nik())).isTrue();
            assertThat(qr.text()).doesNotContain(siti.nik());
            assertThat(w.letters().check(qr).reason()).isEqualTo("letter.verify.valid");
            // Cetak ulang: the same bytes; the request's checklist sees an SKTM
            LetterService.Letter listed = w.letters().list(2026, null).get(0);
            assertThat(w.letters().pdf(listed)).isEqualTo(first.pdf());
            assertThat(w.documents().forHousehold(h.id())).anySatisfy(doc -> {
                assertThat(doc.kind()).isEqualTo(DocumentKind.SKTM);
                assertThat(doc.memberId()).isEqualTo(siti.id());
            });
            // the next letter: the next number; a cancelled one keeps its number and is never given again
            LetterService.Issued second = w.letters().issue(w.letters().draft(LetterType.SKTM, h.id(), siti.id(), "Sekolah"));
            assertThat(second.number()).isEqualTo("401/002/3201011001/XII/2026");
            w.letters().cancel(second.number(), "Salah keperluan");
            assertThat(w.letters().check(LetterService.readPdf(second.pdf()).orElseThrow()).reason())
                    .isEqualTo("letter.verify.cancelled");
            assertThat(w.letters().issue(w.letters().draft(LetterType.SKTM, h.id(), siti.id(), "Sekolah")).number())
                    .isEqualTo("401/003/3201011001/XII/2026");
            // the family SKTM shares the SKTM's kode surat, so its sequence: never the same printed number
            assertThat(w.letters().issue(w.letters().draft(LetterType.SKTM_KELUARGA, h.id(), siti.id(), "Sekolah")).number())
                    .isEqualTo("401/004/3201011001/XII/2026");
            assertThat(w.letters().list(null, null)).hasSize(4);
        }
    }

    @Test
    void twoLettersAtTheSameInstantGetTwoNumbersAndANewYearStartsAtOne() throws Exception {
        Household h;
        try (Wiring w = Wiring.open(dir, at("2026-12-31"))) {
            h = village(w);
            Set<String> numbers = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Member m = h.members().get(i % 3);
                Thread t = new Thread(() -> {
                    w.actAsVillageOperator();
                    numbers.add(w.letters().issue(w.letters().draft(LetterType.KETERANGAN, h.id(), m.id(), "Domisili")).number());
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(numbers).containsExactlyInAnyOrder("470/001/3201011001/XII/2026", "470/002/3201011001/XII/2026",
                    "470/003/3201011001/XII/2026", "470/004/3201011001/XII/2026");
        }
        try (Wiring w = Wiring.open(dir, at("2027-01-01"))) {
            w.actAsVillageOperator();
            assertThat(w.letters().issue(w.letters().draft(LetterType.KETERANGAN, h.id(), h.members().get(0).id(), "Domisili"))
                    .number()).isEqualTo("470/001/3201011001/I/2027");
        }
    }

    @Test
    void anOlderStoreRestoredNeverGivesANumberAgain() throws Exception {
        Household h;
        Path older = dir.resolveSibling(dir.getFileName() + "-lama");
        try (Wiring w = Wiring.open(dir, at("2026-12-06"))) {
            h = village(w);
            w.letters().issue(w.letters().draft(LetterType.SKTM, h.id(), h.members().get(0).id(), "Reaktivasi PBI-JK"));
        }
        id.berkasdesa.document.TestFiles.copyTree(dir, older); // the backup
        try (Wiring w = Wiring.open(dir, at("2026-12-06"))) {
            w.actAsVillageOperator();
            for (int i = 0; i < 2; i++) {
                w.letters().issue(w.letters().draft(LetterType.SKTM, h.id(), h.members().get(0).id(), "Reaktivasi PBI-JK"));
            }
        }
        // the older store comes back into the folder; the register's last numbers, kept beside it, stay
        Files.copy(dir.resolve(LetterService.HIGH_WATER), older.resolve(LetterService.HIGH_WATER),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Wiring w = Wiring.open(older, at("2026-12-06"))) {
            w.actAsVillageOperator();
            assertThat(w.letters().list(null, null)).hasSize(1);
            assertThat(w.letters().issue(w.letters().draft(LetterType.SKTM, h.id(), h.members().get(0).id(), "Reaktivasi PBI-JK"))
                    .number()).isEqualTo("401/004/3201011001/XII/2026");
        }
    }

    @Test
    void forgedQrCodesAreCaught() {
        try (Wiring w = Wiring.open(dir, at("2026-12-06"))) {
            Household h = village(w);
            LetterService.Issued i = w.letters().issue(w.letters().draft(LetterType.SKTM, h.id(), h.members().get(0).id(), "Reaktivasi PBI-JK"));
            LetterQr qr = LetterService.readPdf(i.pdf()).orElseThrow();
            // one character changed: the signature no longer holds
            String changed = qr.text().replace("/001/", "/009/");
            assertThat(w.letters().check(LetterQr.parse(changed).orElseThrow()).reason()).isEqualTo("letter.verify.forged");
            // the same letter signed by another key in this village's name
            KeyPair other = KeyPair.generate("desa", "32.01.01.1001", "PONDOK RAJEG");
            LetterQr forged = LetterQr.sign(qr.type(), qr.number(), qr.issued(), qr.validUntil(), qr.village(), "B.U.", null, other);
            assertThat(forged.signatureHolds()).isTrue();
            assertThat(w.letters().check(forged).reason()).isEqualTo("letter.verify.otherKey");
            // a payload of another village: signed, but not by this village; not ours to call genuine
            LetterQr elsewhere = LetterQr.sign(qr.type(), qr.number(), qr.issued(), qr.validUntil(), "3201011002", "B.U.", null, other);
            assertThat(w.letters().check(elsewhere).valid()).isFalse();
            assertThat(w.letters().check(elsewhere).reason()).isEqualTo("letter.verify.otherVillage");
            // past its validity
            assertThat(LetterService.checkAlone(qr, qr.validUntil().plusDays(1)).reason()).isEqualTo("letter.verify.expired");
            // not ours at all
            assertThat(LetterQr.parse("https://desa.example/surat/123")).isEmpty();
            assertThat(LetterService.readPdf("%PDF-1.4 not really".getBytes())).isEmpty();
        }
    }

    @Test
    void badInputIsRefusedWithNothingNumbered() {
        try (Wiring w = Wiring.open(dir, at("2026-12-06"))) {
            Household h = village(w);
            Member head = h.members().get(0);
            // moved away
            Household moved = w.households().save(h.withMembers(List.of(h.members().get(0), h.members().get(1),
                    withStatus(h.members().get(2), MemberStatus.PINDAH))), true).household();
            assertThatThrownBy(() -> w.letters().draft(LetterType.SKTM, moved.id(), moved.members().get(2).id(), "Reaktivasi"))
                    .isInstanceOf(LetterException.class).extracting(e -> ((MessageException) e).key())
                    .isEqualTo("letter.error.notActive");
            assertThatThrownBy(() -> w.letters().draft(LetterType.SKTM, h.id(), head.id(), "  "))
                    .extracting(e -> ((MessageException) e).key()).isEqualTo("letter.error.purpose");
            // a template with a field the app does not know
            LetterService.Settings s = w.letters().settings();
            java.util.Map<LetterType, String> templates = new java.util.EnumMap<>(s.templates());
            templates.put(LetterType.SKTM, "Nama: [nama]\nGaji: [gaji_bulanan]");
            assertThatThrownBy(() -> w.letters().saveSettings(new LetterService.Settings(s.format(), s.codes(), s.oneSequence(),
                    s.validMonths(), templates, "", "", ""))).extracting(e -> ((MessageException) e).key())
                    .isEqualTo("letter.error.unknownField");
            assertThatThrownBy(() -> w.letters().saveSettings(new LetterService.Settings("[kode_surat]/[tahun]", s.codes(),
                    s.oneSequence(), s.validMonths(), s.templates(), "", "", ""))).extracting(e -> ((MessageException) e).key())
                    .isEqualTo("letter.error.format.noSequence");
            assertThat(w.letters().list(null, null)).isEmpty();
        }
    }

    @Test
    void aLongTextFlowsOntoASecondPageWithTheNumberOnEach() throws Exception {
        try (Wiring w = Wiring.open(dir, at("2026-12-06"))) {
            Household h = village(w);
            LetterService.Settings s = w.letters().settings();
            java.util.Map<LetterType, String> templates = new java.util.EnumMap<>(s.templates());
            templates.put(LetterType.KETERANGAN, (s.template(LetterType.KETERANGAN) + "\n\n").repeat(6));
            w.letters().saveSettings(new LetterService.Settings(s.format(), s.codes(), s.oneSequence(), s.validMonths(),
                    templates, "", "", ""));
            Member noNik = h.members().get(2);
            LetterService.Issued i = w.letters().issue(w.letters().draft(LetterType.KETERANGAN, h.id(), noNik.id(), "Domisili"));
            assertThat(LetterService.readPdf(i.pdf()).orElseThrow().nikHash()).isNull();
            try (PDDocument d = Loader.loadPDF(i.pdf())) {
                assertThat(d.getNumberOfPages()).isGreaterThan(1);
                PDFTextStripper last = new PDFTextStripper();
                last.setStartPage(d.getNumberOfPages());
                assertThat(last.getText(d)).contains(i.number() + " · halaman " + d.getNumberOfPages() + " dari " + d.getNumberOfPages());
            }
        }
    }

    private static Member withStatus(Member m, MemberStatus s) {
        return new Member(m.id(), m.nik(), m.tanpaNik(), m.nama(), m.sex(), m.tempatLahir(), m.tanggalLahir(), m.agama(),
                m.pendidikan(), m.pekerjaan(), m.statusPerkawinan(), m.shdk(), m.kewarganegaraan(), m.namaAyah(), m.namaIbu(),
                s, LocalDate.parse("2026-11-01"));
    }
}
