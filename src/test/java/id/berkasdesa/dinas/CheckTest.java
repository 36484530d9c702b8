package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Messages;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every check has its stable code, found back from it, and plain words in both languages. */
class CheckTest {

    @Test
    void everyCheckHasItsWordsAndItsCode() {
        for (Messages m : new Messages[] {Messages.indonesian(), Messages.forLocale(Locale.ENGLISH)}) {
            for (Check c : Check.values()) {
                assertThat(m.get(c.messageKey())).as(c.code()).isNotBlank().doesNotStartWith("!");
                assertThat(Check.of(c.code())).contains(c);
            }
        }
        assertThat(Arrays.stream(Check.values()).map(Check::code)).containsExactly("nik", "wilayah", "batas-waktu",
                "pernah-reaktivasi", "surat-faskes", "sktm", "mendesak", "ganda", "kunci-baru", "rekam-jejak-mundur",
                "tanpa-tanda-tangan");
        assertThat(Check.of("ktp")).isEmpty();
    }

    /** The office's settings decide two checks: the window in months, and whether an SKTM must be among the documents. */
    @Test
    void theWindowAndTheSktmFollowTheOfficesSettings() {
        id.berkasdesa.wilayah.Wilayah wilayah = id.berkasdesa.wilayah.Wilayah.load();
        java.util.Map<String, String> row = java.util.Map.of("ID Usulan", "u1", "Kode Desa", "32.01.01.1001", "NIK", "3201010202801001",
                "No KK", "3201011203000001", "Tanggal Penonaktifan", "01-06-2026");
        id.berkasdesa.exchange.Paket.Dokumen faskes = new id.berkasdesa.exchange.Paket.Dokumen("FASKES", "f.pdf", null, null, null, 1, 10L);
        id.berkasdesa.exchange.Paket.Dokumen sktm = new id.berkasdesa.exchange.Paket.Dokumen("SKTM", "s.pdf", null, null, null, 1, 10L);
        var without = new id.berkasdesa.exchange.Paket.Usulan(row, java.util.List.of(faskes));
        var with = new id.berkasdesa.exchange.Paket.Usulan(row, java.util.List.of(faskes, sktm));
        java.time.LocalDate received = java.time.LocalDate.of(2026, 11, 20); // five months and 19 days after
        assertThat(RequestChecks.of(without, "32.01", received, wilayah, 6, false)).isEmpty();
        assertThat(RequestChecks.of(without, "32.01", received, wilayah, 5, false)).containsExactly(Check.BATAS_WAKTU);
        assertThat(RequestChecks.of(without, "32.01", received, wilayah, 6, true)).containsExactly(Check.SKTM);
        assertThat(RequestChecks.of(with, "32.01", received, wilayah, 6, true)).isEmpty();
    }

    /**
     * An SKTM the village's app issued carries its signed QR in the PDF: it holds when the key that
     * signed the bundle signed it, for this NIK, still valid when received; a scanned paper SKTM has no
     * QR and is not judged.
     */
    @Test
    void anSktmFromTheVillagesAppIsCheckedByItsQrAgainstTheKeyThatSignedTheBundle() throws Exception {
        id.berkasdesa.keys.KeyPair village = id.berkasdesa.keys.KeyPair.generate("desa", "32.01.01.1001", "Pondok Rajeg");
        id.berkasdesa.keys.KeyPair stranger = id.berkasdesa.keys.KeyPair.generate("desa", "32.01.01.1001", "Pondok Rajeg");
        String nik = "3201010202801001";
        java.time.LocalDate issued = java.time.LocalDate.of(2026, 11, 2);
        java.time.LocalDate received = java.time.LocalDate.of(2026, 11, 20);
        var request = new id.berkasdesa.exchange.Paket.Usulan(java.util.Map.of("NIK", nik), java.util.List.of());
        String key = village.publicKeys().signingKeyText();

        assertThat(RequestChecks.sktmDoesNotHold(request, java.util.Optional.of(sktm(village, nik, issued, issued.plusMonths(1))),
                key, received)).as("issued by this village for this NIK").isFalse();
        assertThat(RequestChecks.sktmDoesNotHold(request, java.util.Optional.of(sktm(stranger, nik, issued, issued.plusMonths(1))),
                key, received)).as("signed by another key").isTrue();
        assertThat(RequestChecks.sktmDoesNotHold(request, java.util.Optional.of(sktm(village, "3201010303801002", issued,
                issued.plusMonths(1))), key, received)).as("made for another NIK").isTrue();
        assertThat(RequestChecks.sktmDoesNotHold(request, java.util.Optional.of(sktm(village, nik, issued, issued.plusDays(7))),
                key, received)).as("expired when received").isTrue();
        byte[] tampered = new String(sktm(village, nik, issued, issued.plusMonths(1)), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("|SKTM|", "|SKTM|9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(RequestChecks.sktmDoesNotHold(request, java.util.Optional.of(tampered), key, received))
                .as("its QR text changed").isTrue();
        assertThat(RequestChecks.sktmDoesNotHold(request, java.util.Optional.of("%PDF-1.4 a scan".getBytes()), key, received))
                .as("a scanned paper SKTM: nothing to check").isFalse();
        assertThat(RequestChecks.sktmDoesNotHold(request, java.util.Optional.empty(), key, received)).isFalse();
    }

    private static byte[] sktm(id.berkasdesa.keys.KeyPair keys, String nik, java.time.LocalDate issued,
            java.time.LocalDate until) throws java.io.IOException {
        var qr = id.berkasdesa.surat.LetterQr.sign(id.berkasdesa.surat.LetterType.SKTM, "470/001/DS/XI/2026", issued, until,
                "3201011001", "Budi Uji", nik, keys);
        return id.berkasdesa.surat.LetterPdf.render(new id.berkasdesa.surat.LetterPdf.Content(
                new id.berkasdesa.surat.LetterPdf.Kop("Kabupaten Bogor", "Kecamatan Uji", "Desa Pondok Rajeg", "32.01.01.1001"),
                "SURAT KETERANGAN TIDAK MAMPU", qr.number(), "Yang bertanda tangan …", "Pondok Rajeg, 2 November 2026", "Kepala Desa",
                "Kades", "", qr.text(), "Periksa QR", "Halaman %d dari %d"));
    }
}
