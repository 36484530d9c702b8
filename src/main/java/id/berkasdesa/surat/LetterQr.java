package id.berkasdesa.surat;

import id.berkasdesa.keys.Fingerprint;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * What a letter's QR code says, signed with the village key, so that anyone can check a printed letter
 * offline: the type, the number, the date, the validity, the village code, the person's initials and a
 * hash of their NIK (never the NIK: a KTP shown with the letter can be matched, the letter alone gives
 * no NIK), then the village's signing key and its signature over all of that. As text:
 * {@code BD1|type|number|yyyyMMdd|yyyyMMdd or -|village|initials|nik hash or -|key|signature}.
 */
public record LetterQr(LetterType type, String number, LocalDate issued, LocalDate validUntil, String village,
        String initials, String nikHash, String key, String signature) {

    static final String PREFIX = "BD1";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The payload signed by the village key {@code keys}. */
    public static LetterQr sign(LetterType type, String number, LocalDate issued, LocalDate validUntil, String village,
            String name, String nik, KeyPair keys) {
        String signing = keys.publicKeys().signingKeyText();
        LetterQr unsigned = new LetterQr(type, number, issued, validUntil, village, initials(name),
                nik == null || nik.isBlank() ? null : nikHash(number, nik), signing, null);
        byte[] sig = keys.sign(unsigned.signed().getBytes(StandardCharsets.UTF_8));
        return new LetterQr(type, number, issued, validUntil, village, unsigned.initials(), unsigned.nikHash(), signing,
                Base64.getEncoder().encodeToString(sig));
    }

    /** The text the QR code holds. */
    public String text() {
        return signed() + "|" + signature;
    }

    private String signed() {
        return String.join("|", PREFIX, type.name(), number, DAY.format(issued), validUntil == null ? "-" : DAY.format(validUntil),
                village, initials, nikHash == null ? "-" : nikHash, key);
    }

    /** Whether the signature is the key's over the rest (says nothing of whose key it is: see {@link #signer}). */
    public boolean signatureHolds() {
        return SigningKey.verifies(key, signed(), signature);
    }

    /** A short name of the signing key, to compare with the village's (16 characters, in four groups). */
    public String signer() {
        return Fingerprint.of(key.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the person on a KTP with {@code nik} is the one the letter names. */
    public boolean names(String nik) {
        return nikHash != null && nikHash.equals(nikHash(number, nik));
    }

    /** The payload in {@code text} (spaces and line breaks around it do not matter); empty when it is not one of ours. */
    public static Optional<LetterQr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] f = text.strip().split("\\|", -1);
        if (f.length != 10 || !f[0].equals(PREFIX)) {
            return Optional.empty();
        }
        try {
            LetterType type = LetterType.valueOf(f[1]);
            return Optional.of(new LetterQr(type, f[2], LocalDate.parse(f[3], DAY), f[4].equals("-") ? null : LocalDate.parse(f[4], DAY),
                    f[5], f[6], f[7].equals("-") ? null : f[7], f[8], f[9]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "Siti Nurhayati" → "S.N.", "Ŝiti Ñurhayati" → "S.N." (ASCII, at most four letters; an empty name gives "-"). */
    public static String initials(String name) {
        StringBuilder b = new StringBuilder();
        if (name != null) {
            String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            for (String part : plain.strip().split("\\s+")) {
                char c = part.isEmpty() ? ' ' : Character.toUpperCase(part.charAt(0));
                if (b.length() < 8 && c >= 'A' && c <= 'Z') {
                    b.append(c).append('.');
                }
            }
        }
        return b.isEmpty() ? "-" : b.toString();
    }

    /** 20 characters of SHA-256 over the letter's number and the NIK: the same NIK gives another hash on another letter. */
    static String nikHash(String number, String nik) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("berkas-desa surat nik v1|" + number + "|" + nik.strip()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
