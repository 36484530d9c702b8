package id.berkasdesa.household;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.wilayah.Wilayah;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for a Kartu Keluarga number: 16 digits starting with the issuing kecamatan's code.
 * Unknown province: error; unknown kecamatan: warning (old codes stay in use after a split).
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
        Findings findings = Findings.of(out);
        return new Check(input, cleaned, Verdict.of(findings), kecamatan,
                AreaNumber.kecamatanName(kecamatan, wilayah), findings);
    }
}
