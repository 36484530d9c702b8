package id.berkasdesa.letter;

import java.util.Locale;
import java.util.Optional;

/** The letters a village issues, with their command-line name and the archive code their number starts with by default. */
public enum LetterType {
    /** Surat Keterangan Tidak Mampu for one person. */
    SKTM("sktm", "401", true),
    /** The same for the whole family, its members in KK order. */
    SKTM_KELUARGA("sktm-keluarga", "401", true),
    /** A plain surat keterangan. */
    KETERANGAN("keterangan", "470", false),
    /** A surat pengantar (to the Dinas Sosial, the puskesmas). */
    PENGANTAR("pengantar", "470", false);

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
        for (LetterType t : values()) {
            if (t.cli.equalsIgnoreCase(text.strip()) || t.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
