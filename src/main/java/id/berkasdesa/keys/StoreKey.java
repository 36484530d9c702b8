package id.berkasdesa.keys;

import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's key: 32 random bytes, made once per store, never typed by anyone. Everything that
 * protects the data folder is derived from it with HKDF-SHA256 under its own label: H2's file key (as
 * 64 hex characters, so that H2's password decoding, which keeps only the low byte of each
 * character, loses nothing), the documents' streaming cipher (Tink's AES256_GCM_HKDF_1MB), and the
 * key that names document files. It exists on disk only wrapped ({@link KeyRing}).
 */
public final class StoreKey {

    static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] master;

    StoreKey(byte[] master) {
        if (master.length != LENGTH) {
            throw new IllegalArgumentException("a store key has 32 bytes");
        }
        this.master = master.clone();
    }

    static StoreKey generate() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        try {
            return new StoreKey(b);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    byte[] bytes() {
        return master.clone();
    }

    /** H2's {@code CIPHER=AES} file password: 64 hex characters. */
    public String fileKey() {
        byte[] k = derive("berkas-desa h2 file key v1");
        try {
            return HexFormat.of().formatHex(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The documents' authenticated streaming cipher (segments of 1 MB, AES-256-GCM, HKDF-SHA256 per file). */
    public StreamingAead documents() {
        return streaming("berkas-desa documents v1");
    }

    /** A keyed hash (HMAC-SHA256) for names: someone with a copy of a known scan cannot tell it is here. */
    public String name(String text) {
        return mac("berkas-desa file names v1", text.getBytes(StandardCharsets.UTF_8));
    }

    /** An authenticated streaming cipher of its own for {@code purpose} (as the documents', 1 MB segments). */
    public StreamingAead streaming(String purpose) {
        byte[] ikm = derive(purpose);
        try {
            return new AesGcmHkdfStreaming(ikm, "HmacSha256", 32, 1 << 20, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** HMAC-SHA256 of {@code data} under the key for {@code purpose}, in hex. */
    public String mac(String purpose, byte[] data) {
        byte[] k = derive(purpose);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** 32 bytes for {@code purpose}, for other parts that need a key of their own (the village's signing key). */
    public byte[] derive(String purpose) {
        try {
            return Hkdf.computeHkdf("HMACSHA256", master, new byte[0], purpose.getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
