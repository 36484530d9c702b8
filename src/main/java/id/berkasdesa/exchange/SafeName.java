package id.berkasdesa.exchange;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names that any USB stick and any Windows PC take as they are: FAT32 and exFAT, and Windows'
 * reserved device names. A bundle only contains such names; {@link #clean} makes one from any text.
 */
public final class SafeName {

    public static final int MAX_SEGMENT = 100;
    public static final int MAX_PATH = 200;

    // ASCII letters and digits, then also dot, dash and underscore; never a trailing dot (Windows drops it)
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(?<!\\.)");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private SafeName() {
    }

    /** Whether every '/'-separated part of {@code path} is portable, and the whole is not too long. */
    public static boolean safe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (!safeSegment(segment)) {
                return false;
            }
        }
        return true;
    }

    static boolean safeSegment(String segment) {
        if (segment.length() > MAX_SEGMENT || !SEGMENT.matcher(segment).matches()) {
            return false;
        }
        int dot = segment.indexOf('.');
        String base = (dot < 0 ? segment : segment.substring(0, dot)).toUpperCase(Locale.ROOT);
        return !RESERVED.contains(base);
    }

    /** A portable name for any text: other characters become '-', a reserved name gets a '_'. */
    public static String clean(String text) {
        String s = text == null ? "" : text.replaceAll("[^A-Za-z0-9._-]+", "-");
        s = s.replaceAll("^[._-]+", "");
        if (s.length() > MAX_SEGMENT - 1) {
            s = s.substring(0, MAX_SEGMENT - 1); // room for the '_' below
        }
        s = s.replaceAll("[.]+$", "");
        if (s.isEmpty()) {
            return "x";
        }
        if (safeSegment(s)) {
            return s;
        }
        int dot = s.indexOf('.');
        return dot < 0 ? s + "_" : s.substring(0, dot) + "_" + s.substring(dot);
    }
}
