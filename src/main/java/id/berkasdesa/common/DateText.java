package id.berkasdesa.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as operators type them: {@code dd-mm-yyyy}, also with {@code /} or {@code .} between the
 * parts, or as eight digits {@code ddmmyyyy}.
 */
public final class DateText {

    private static final Pattern SEPARATED = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");

    private DateText() {
    }

    /** The date, or empty when the text is not a real {@code dd-mm-yyyy} date. */
    public static Optional<LocalDate> parse(String text) {
        String t = text.strip();
        Matcher m = SEPARATED.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
            "September", "Oktober", "November", "Desember"};

    /** As a letter writes it: "6 Desember 2026". */
    public static String spelled(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    public static String format(LocalDate date) {
        return Messages.date(date);
    }
}
