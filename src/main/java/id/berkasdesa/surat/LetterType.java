package id.berkasdesa.surat;

import java.util.Locale;
import java.util.Optional;

/** The letters the app issues (a village's, and the Dinas Sosial's reactivation letter), with their command-line name and the archive code their number starts with by default. */
public enum LetterType {
    /** Surat Keterangan Tidak Mampu for one person. */
    SKTM("sktm", "401", true),
    /** The same for the whole family, its members in KK order. */
    SKTM_KELUARGA("sktm-keluarga", "401", true),
    /** A plain surat keterangan. */
    KETERANGAN("keterangan", "470", false),
    /** A surat pengantar (to the Dinas Sosial, the puskesmas). */
    PENGANTAR("pengantar", "470", false),
    /**
     * The Dinas Sosial's surat keterangan pengaktifan kembali for one approved person (Permensos 3/2026
     * Pasal 20), signed with the office's key; never a village's.
     */
    PENGAKTIFAN_KEMBALI("pengaktifan-kembali", "460", false);

    /** The letters a village issues, in the order its forms offer them. */
    public static final java.util.List<LetterType> VILLAGE = java.util.List.of(SKTM, SKTM_KELUARGA, KETERANGAN, PENGANTAR);

    private final String cli;
    private final String defaultCode;
    private final boolean sktm;

    LetterType(String cli, String defaultCode, boolean sktm) {
        this.cli = cli;
        this.defaultCode = defaultCode;
        this.sktm = sktm;
    }

    public String cli() {
        return cli;
    }

    /** The kode surat (archive classification) the number starts with unless the settings say otherwise. */
    public String defaultCode() {
        return defaultCode;
    }

    /** Whether the issued letter counts as the person's SKTM document (the request's checklist). */
    public boolean countsAsSktm() {
        return sktm;
    }

    public String key() {
        return "letter.type." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LetterType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (LetterType t : VILLAGE) {
            if (t.cli.equalsIgnoreCase(text.strip()) || t.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
