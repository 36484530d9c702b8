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
                "pernah-reaktivasi", "surat-faskes", "sktm", "mendesak", "ganda", "kunci-baru", "rekam-jejak-mundur");
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
}
