package id.berkasdesa.adminduk;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.wilayah.Wilayah;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for a Kartu Keluarga number: 16 digits starting with the issuing kecamatan's code.
 * Unknown province: error; unknown kecamatan: warning (old codes stay in use after a split).
 * Digits 7–12 are the registration date (DDMMYY, no +40) and the last four a family serial: a date
 * part that is no real date, or serial 0000, is a warning — the KK's own rules are less documented
 * than the NIK's, so the operator confirms rather than being stopped.
 */
public final class NoKk {

    public static final String FIELD = "noKk";
    public static final String LABEL = "No. KK";

    private NoKk() {
    }

    public record Check(String input, String cleaned, Verdict verdict, Optional<String> kecamatan,
            Optional<String> kecamatanName, Findings findings) {
    }

    public static Check check(String input, Wilayah wilayah) {
        String cleaned = AreaNumber.clean(input);
        List<Finding> out = new ArrayList<>();
        Optional<String> kecamatan = AreaNumber.check(FIELD, LABEL, cleaned, wilayah, out);
        if (cleaned.length() == AreaNumber.LENGTH && AreaNumber.firstNonDigit(cleaned) < 0) {
            int dd = Integer.parseInt(cleaned.substring(6, 8));
            int mm = Integer.parseInt(cleaned.substring(8, 10));
            int yy = Integer.parseInt(cleaned.substring(10, 12));
            if (!Nik.isRealDate(dd, mm, yy)) {
                out.add(Finding.warning(FIELD, "kk.date", cleaned.substring(6, 12)));
            }
            if (cleaned.endsWith("0000")) {
                out.add(Finding.warning(FIELD, "kk.serial"));
            }
        }
        Findings findings = Findings.of(out);
        return new Check(input, cleaned, Verdict.of(findings), kecamatan,
                AreaNumber.kecamatanName(kecamatan, wilayah), findings);
    }
}
