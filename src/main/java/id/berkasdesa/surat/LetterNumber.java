package id.berkasdesa.surat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A letter's number from the office's format, with OpenSID's tokens: {@code [kode_surat]},
 * {@code [nomor_surat, N]} (the sequence, at least N digits), {@code [kode_desa]},
 * {@code [bulan_romawi]}, {@code [tahun]}; anything else is printed as written. The sequence itself is
 * the register's (one per letter type or one for all, restarting each year).
 */
public final class LetterNumber {

    public static final String DEFAULT_FORMAT = "[kode_surat]/[nomor_surat, 3]/[kode_desa]/[bulan_romawi]/[tahun]";
    public static final List<String> TOKENS = List.of("[kode_surat]", "[nomor_surat, N]", "[kode_desa]", "[bulan_romawi]",
            "[tahun]");
    private static final Pattern TOKEN = Pattern.compile("\\[([a-z_]+)(?:\\s*,\\s*(\\d{1,2}))?\\]");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private LetterNumber() {
    }

    /** What is wrong with {@code format}, as a message key and its argument: an unknown token, no sequence, a character the QR uses. */
    public static Optional<LetterException> problem(String format) {
        if (format == null || format.isBlank()) {
            return Optional.of(new LetterException("letter.error.format.empty"));
        }
        if (format.contains("|") || format.length() > 80) {
            return Optional.of(new LetterException("letter.error.format.character"));
        }
        Matcher m = TOKEN.matcher(format);
        boolean sequence = false;
        while (m.find()) {
            String name = m.group(1);
            if (!List.of("kode_surat", "nomor_surat", "kode_desa", "bulan_romawi", "tahun").contains(name)) {
                return Optional.of(new LetterException("letter.error.format.token", m.group()));
            }
            sequence |= name.equals("nomor_surat");
        }
        if (format.replaceAll(TOKEN.pattern(), "").contains("[")) {
            return Optional.of(new LetterException("letter.error.format.token", format));
        }
        return sequence ? Optional.empty() : Optional.of(new LetterException("letter.error.format.noSequence"));
    }

    /** @throws LetterException when {@link #problem} finds something */
    public static String format(String format, String kodeSurat, int seq, String kodeDesa, LocalDate date) {
        problem(format).ifPresent(e -> {
            throw e;
        });
        if (seq < 1) {
            throw new IllegalArgumentException("sequence from 1");
        }
        Matcher m = TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "kode_surat" -> kodeSurat;
                case "nomor_surat" -> m.group(2) == null ? Integer.toString(seq)
                        : String.format(java.util.Locale.ROOT, "%0" + Integer.parseInt(m.group(2)) + "d", seq);
                case "kode_desa" -> kodeDesa;
                case "bulan_romawi" -> roman(date.getMonthValue());
                default -> Integer.toString(date.getYear());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** January is I, December XII. */
    public static String roman(int month) {
        return ROMAN[month - 1];
    }
}
