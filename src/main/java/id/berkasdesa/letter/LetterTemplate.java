package id.berkasdesa.letter;

import id.berkasdesa.surat.LetterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A letter's text with OpenSID-style fields ({@code [nama]}, {@code [nik]}, …) filled from the register.
 * A field the app does not know is refused before anything is numbered, never printed as written.
 */
public final class LetterTemplate {

    /** Every field a template may use, in the order the editor lists them. */
    public static final List<String> FIELDS = List.of("nama", "nik", "no_kk", "tempat_lahir", "tanggal_lahir",
            "jenis_kelamin", "agama", "pekerjaan", "alamat", "rt", "rw", "dusun", "kepala_keluarga", "anggota_keluarga",
            "dtsen", "desa", "kecamatan", "kabupaten", "keperluan", "berlaku_sampai", "tanggal_surat", "jabatan");
    private static final Pattern FIELD = Pattern.compile("\\[([a-z_]+)\\]");

    private LetterTemplate() {
    }

    /** The fields of {@code template} the app does not know, in order of appearance. */
    public static List<String> unknownFields(String template) {
        List<String> unknown = new ArrayList<>();
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1)) && !unknown.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /**
     * {@code template} with every field replaced by its value ("-" when the register has none).
     *
     * @throws LetterException "letter.error.unknownField" naming the first field the app does not know
     */
    public static String fill(String template, Map<String, String> values) {
        List<String> unknown = unknownFields(template);
        if (!unknown.isEmpty()) {
            throw new LetterException("letter.error.unknownField", "[" + unknown.get(0) + "]");
        }
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null || v.isBlank() ? "-" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
