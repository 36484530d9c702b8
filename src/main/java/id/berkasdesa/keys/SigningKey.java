package id.berkasdesa.keys;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key pair of one person (or of the store's certifying key): Tink's own Ed25519, on raw
 * 32-byte keys, so a public key fits a column and a line of text. The private half exists on disk
 * only sealed under its owner's password ({@link KeyRing#seal}).
 */
public final class SigningKey {

    private final byte[] privateKey;
    private final byte[] publicKey;

    private SigningKey(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey.clone();
        this.publicKey = publicKey.clone();
    }

    public static SigningKey generate() {
        try {
            Ed25519Sign.KeyPair k = Ed25519Sign.KeyPair.newKeyPair();
            return new SigningKey(k.getPrivateKey(), k.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has a random source", e);
        }
    }

    /** From the private half as {@link #privateText()} wrote it. */
    static SigningKey fromPrivate(String text) {
        byte[] seed = Base64.getDecoder().decode(text);
        try {
            Ed25519Sign.KeyPair k = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed);
            return new SigningKey(k.getPrivateKey(), k.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    String privateText() {
        return Base64.getEncoder().encodeToString(privateKey);
    }

    /** The public half, base64 (44 characters): what the store keeps and certificates name. */
    public String publicText() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    /** A short name of the public key: 16 hex characters of its SHA-256. */
    public String id() {
        return idOf(publicText());
    }

    public static String idOf(String publicText) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(publicText.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature of {@code text}'s UTF-8 bytes, base64. */
    public String sign(String text) {
        try {
            return Base64.getEncoder().encodeToString(new Ed25519Sign(privateKey).sign(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} (base64) is {@code publicText}'s over {@code text}; anything unreadable is false. */
    public static boolean verifies(String publicText, String text, String signature) {
        if (publicText == null || signature == null || text == null) {
            return false;
        }
        try {
            new Ed25519Verify(Base64.getDecoder().decode(publicText))
                    .verify(Base64.getDecoder().decode(signature), text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
