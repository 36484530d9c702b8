package id.berkasdesa.adminduk;

import id.berkasdesa.common.DateText;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.wilayah.Wilayah;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Adminduk rules for a NIK (Nomor Induk Kependudukan): 16 digits; digits 1–6 the kecamatan where
 * it was first issued; 7–12 the birth date DDMMYY with 40 added to the day for women; 13–16 a serial
 * that is never 0000.
 *
 * <p>A NIK never changes, even when the recorded birth date is later corrected, so disagreement with
 * the entered birth date or sex is a warning that names both values, never an error.
 */
public final class Nik {

    public static final String FIELD = "nik";
    public static final String LABEL = "NIK";
    /**
     * The headers a NIK column goes by in the lists offices exchange (the Dinas Sosial's PBI list, a
     * ledger of people reactivated before), folded: lower case, no spaces or punctuation.
     */
    public static final java.util.Set<String> COLUMN_NAMES = java.util.Set.of("nik", "nomornik", "nonik",
            "nomorindukkependudukan", "niknomor", "nikart");

    private Nik() {
    }

    /**
     * What the rules say about one typed or pasted NIK.
     *
     * @param cleaned the input without separators
     * @param sex from the date part, when it is a real date
     * @param birthDate the date part as {@code dd-mm-yy} (century unknown), when it is a real date
     * @param kecamatan the issuing kecamatan, dotted, when the first six characters are digits
     */
    public record Check(String input, String cleaned, Verdict verdict, Optional<Sex> sex,
            Optional<String> birthDate, Optional<String> kecamatan, Optional<String> kecamatanName,
            Findings findings) {

        public boolean isValid() {
            return verdict != Verdict.INVALID;
        }
    }

    public static Check check(String input, Wilayah wilayah) {
        return check(input, wilayah, null, null);
    }

    /** Checks a NIK, comparing it with the birth date and sex entered for the person when known. */
    public static Check check(String input, Wilayah wilayah, LocalDate enteredBirthDate, Sex enteredSex) {
        String cleaned = AreaNumber.clean(input);
        List<Finding> out = new ArrayList<>();
        Optional<String> kecamatan = AreaNumber.check(FIELD, LABEL, cleaned, wilayah, out);
        Optional<Sex> sex = Optional.empty();
        Optional<String> birth = Optional.empty();
        if (cleaned.length() == AreaNumber.LENGTH && AreaNumber.firstNonDigit(cleaned) < 0) {
            int dd = Integer.parseInt(cleaned.substring(6, 8));
            int mm = Integer.parseInt(cleaned.substring(8, 10));
            int yy = Integer.parseInt(cleaned.substring(10, 12));
            Sex s = dd > 40 ? Sex.P : Sex.L;
            int day = dd > 40 ? dd - 40 : dd;
            if (isRealDate(day, mm, yy)) {
                sex = Optional.of(s);
                birth = Optional.of(String.format("%02d-%02d-%02d", day, mm, yy));
                compare(day, mm, yy, s, birth.get(), enteredBirthDate, enteredSex, out);
            } else {
                out.add(Finding.error(FIELD, "nik.date", cleaned.substring(6, 12)));
            }
            if (cleaned.endsWith("0000")) {
                out.add(Finding.error(FIELD, "nik.serial"));
            }
        }
        Findings findings = Findings.of(out);
        return new Check(input, cleaned, Verdict.of(findings), sex, birth, kecamatan,
                AreaNumber.kecamatanName(kecamatan, wilayah), findings);
    }

    /** What a NIK says of its holder, to fill an empty form with: sex and birth date. */
    public record Holder(Sex sex, LocalDate birthDate) {
    }

    /**
     * Sex and birth date read from a NIK's date part (day + 40 for a woman), for pre-filling the KK
     * form: the century is the latest that is not after {@code today} (a NIK says only "15").
     * Empty when the input is not 16 digits or its date part is no real date.
     */
    public static Optional<Holder> holder(String input, LocalDate today) {
        String cleaned = AreaNumber.clean(input);
        if (cleaned.length() != AreaNumber.LENGTH || AreaNumber.firstNonDigit(cleaned) >= 0) {
            return Optional.empty();
        }
        int dd = Integer.parseInt(cleaned.substring(6, 8));
        int mm = Integer.parseInt(cleaned.substring(8, 10));
        int yy = Integer.parseInt(cleaned.substring(10, 12));
        int day = dd > 40 ? dd - 40 : dd;
        if (!isRealDate(day, mm, yy)) {
            return Optional.empty();
        }
        int year = (today.getYear() / 100) * 100 + yy;
        try {
            LocalDate born = LocalDate.of(year, mm, day);
            if (born.isAfter(today)) {
                born = LocalDate.of(year - 100, mm, day);
            }
            return Optional.of(new Holder(dd > 40 ? Sex.P : Sex.L, born));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // 29-02 in a century year that has none
        }
    }

    private static void compare(int day, int mm, int yy, Sex nikSex, String nikDate, LocalDate entered,
            Sex enteredSex, List<Finding> out) {
        if (entered != null && (entered.getDayOfMonth() != day || entered.getMonthValue() != mm
                || entered.getYear() % 100 != yy)) {
            out.add(Finding.warning(FIELD, "nik.birthMismatch", nikDate, DateText.format(entered)));
        }
        if (enteredSex != null && enteredSex != nikSex) {
            out.add(Finding.warning(FIELD, "nik.sexMismatch", nikSex.code(), enteredSex.code()));
        }
    }

    /** A day and month that exist in year YY of either century (29-02-00 exists: 2000 was leap). */
    static boolean isRealDate(int day, int month, int yy) {
        return exists(1900 + yy, month, day) || exists(2000 + yy, month, day);
    }

    private static boolean exists(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
