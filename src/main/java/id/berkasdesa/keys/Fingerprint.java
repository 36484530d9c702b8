package id.berkasdesa.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A key's fingerprint, short enough to read over the phone: the first 80 bits of the SHA-256 of its
 * public parts, as 16 characters of Crockford base32 (no I, L, O, U) in four groups:
 * {@code K7QX-3M9D-0TZ4-HB2W}.
 */
public final class Fingerprint {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Fingerprint() {
    }

    public static String of(byte[]... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (byte[] p : parts) {
            sha.update(Integer.toString(p.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(p);
        }
        byte[] d = sha.digest();
        StringBuilder out = new StringBuilder();
        long bits = 0;
        int have = 0;
        int written = 0;
        for (int i = 0; written < 16; ) {
            if (have < 5) {
                bits = (bits << 8) | (d[i++] & 0xff);
                have += 8;
            }
            have -= 5;
            out.append(ALPHABET[(int) ((bits >> have) & 31)]);
            written++;
            if (written % 4 == 0 && written < 16) {
                out.append('-');
            }
        }
        return out.toString();
    }
}
