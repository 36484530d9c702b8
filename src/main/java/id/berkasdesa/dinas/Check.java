package id.berkasdesa.dinas;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the Dinas Sosial's inbox checks on each request it receives, by the stable code the command
 * line and the exports use; each has its plain words in the messages ({@code dinas.check.<code>}).
 */
public enum Check {
    /** The NIK or No. KK is not built as Dukcapil builds them (as the village checks). */
    NIK("nik"),
    /** The village, or the NIK's region, is outside this kabupaten/kota. */
    WILAYAH("wilayah"),
    /** More than the window (the office's setting, 6 months unless changed) between the deactivation and the receipt. */
    BATAS_WAKTU("batas-waktu"),
    /** The NIK is in the district's ledger of people reactivated before: reactivation is possible once. */
    PERNAH_REAKTIVASI("pernah-reaktivasi"),
    /** No letter from the health facility among the documents. */
    SURAT_FASKES("surat-faskes"),
    /** No SKTM among the documents where the office's setting asks for one, or an SKTM from the village's app whose QR does not hold. */
    SKTM("sktm"),
    /** An urgent category (dialysis, cancer, ICU …): 3×24 hours from receipt. */
    MENDESAK("mendesak"),
    /** The same NIK in another open request, from this village or another. */
    GANDA("ganda"),
    /** The village's first bundle: its key's fingerprint is still to be confirmed. */
    KUNCI_BARU("kunci-baru"),
    /** The village's audit trail went backwards or forked since an earlier bundle. */
    REKAM_JEJAK_MUNDUR("rekam-jejak-mundur"),
    /** A plain bundle, received because the office's setting allows them: neither signed nor encrypted, its sender unproven. */
    TANPA_TANDA_TANGAN("tanpa-tanda-tangan");

    private final String code;

    Check(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "dinas.check." + code;
    }

    public static Optional<Check> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
