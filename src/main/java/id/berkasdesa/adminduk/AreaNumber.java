package id.berkasdesa.adminduk;

import id.berkasdesa.common.Finding;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wilayah.Wilayah;
import java.util.List;
import java.util.Optional;

/**
 * What a NIK and a No. KK share: 16 digits that start with the code of the kecamatan that issued
 * them. Pasted spaces, dots and dashes are cleaned away, never rejected.
 */
public final class AreaNumber {

    public static final int LENGTH = 16;

    private AreaNumber() {
    }

    /** Drops the separators people paste with a number: spaces, dots, dashes. */
    public static String clean(String input) {
        StringBuilder sb = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '.' && c != '-') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Checks length, digits, province and kecamatan, adding findings to {@code out}.
     *
     * @return the issuing kecamatan's dotted code when the first six digits are digits, else empty
     */
    public static Optional<String> check(String field, String label, String cleaned, Wilayah wilayah, List<Finding> out) {
        if (cleaned.isEmpty()) {
            out.add(Finding.error(field, "number.empty", label));
            return Optional.empty();
        }
        int bad = firstNonDigit(cleaned);
        if (bad >= 0) {
            out.add(Finding.error(field, "number.nonDigit", label, String.valueOf(cleaned.charAt(bad))));
        }
        if (cleaned.length() != LENGTH) {
            out.add(Finding.error(field, "number.length", label, String.valueOf(cleaned.length())));
        }
        if (cleaned.length() < 6 || firstNonDigit(cleaned.substring(0, 6)) >= 0) {
            return Optional.empty();
        }
        String six = cleaned.substring(0, 6);
        String kecamatan = Wilayah.dotted(six);
        if (wilayah.province(six.substring(0, 2)).isEmpty()) {
            out.add(Finding.error(field, "number.province", label, six.substring(0, 2)));
        } else if (wilayah.kecamatanOfDigits(six).isEmpty()) {
            out.add(Finding.warning(field, "number.kecamatan", label, kecamatan));
        }
        return Optional.of(kecamatan);
    }

    public static Optional<String> kecamatanName(Optional<String> kecamatan, Wilayah wilayah) {
        return kecamatan.flatMap(wilayah::find).map(Area::name);
    }

    public static int firstNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return i;
            }
        }
        return -1;
    }
}
