package id.berkasdesa.account;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The Administrator's recovery code: 30 characters of Crockford's base32 (no I, L, O, U: nothing to
 * mix up when read aloud), 150 bits, shown in 6 groups of 5. Typed back, spaces, dashes and case do
 * not matter, and O/I/L are read as 0/1/1.
 */
public final class RecoveryCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int GROUPS = 6;
    private static final int GROUP = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCode() {
    }

    /** A new code, grouped: {@code 7KQ2M-XW4RT-…}. */
    public static String generate() {
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                b.append('-');
            }
            for (int i = 0; i < GROUP; i++) {
                b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    /** The code as typed, in its canonical form (30 characters, no groups), or empty when it cannot be one. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            char k = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(k) < 0) {
                return Optional.empty();
            }
            b.append(k);
        }
        return b.length() == GROUPS * GROUP ? Optional.of(b.toString()) : Optional.empty();
    }
}
