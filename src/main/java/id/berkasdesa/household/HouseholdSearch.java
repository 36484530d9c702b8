package id.berkasdesa.household;

import id.berkasdesa.adminduk.AreaNumber;

/**
 * What the operator typed in the list's search box, plus the RT/RW/dusun filters.
 *
 * <p>Text that is digits once separators are cleaned away is a number: it finds households whose
 * No. KK, or any member's NIK, starts with it. Other text finds households with a member whose name
 * contains it, ignoring case.
 */
public record HouseholdSearch(String text, String rt, String rw, String dusun, int limit) {

    /** Rows a search shows; an operator reads the top matches and types more to narrow down. */
    public static final int DEFAULT_LIMIT = 200;

    public static HouseholdSearch all() {
        return new HouseholdSearch("", null, null, null, DEFAULT_LIMIT);
    }

    public static HouseholdSearch text(String text) {
        return new HouseholdSearch(text, null, null, null, DEFAULT_LIMIT);
    }

    /** Digits once separators are cleaned away: a No. KK or NIK prefix. */
    public boolean isNumber() {
        String c = AreaNumber.clean(text);
        return !c.isEmpty() && AreaNumber.firstNonDigit(c) < 0;
    }

    public String numberPrefix() {
        return AreaNumber.clean(text);
    }

    /** The text as names are compared: upper case, spaces folded. */
    public String folded() {
        return HouseholdRules.fold(text);
    }

    public boolean hasText() {
        return !text.isBlank();
    }

    public static String nullIfBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
