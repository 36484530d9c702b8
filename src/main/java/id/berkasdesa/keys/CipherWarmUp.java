package id.berkasdesa.keys;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first bundle, backup or restore of a process at full speed. Bundles, backups and the document
 * store stream through AES-GCM in 1 MB segments; HotSpot hands AES-CTR and GHASH to the processor's
 * instructions only once the JDK's methods that call them are compiled, which takes thousands of
 * calls — with one call per megabyte, the first 600-700 MB of a fresh process ran at some 65 MB/s
 * instead of 3.5 GB/s. The same cipher over 6 MB in 1 KB segments (some 0.4 s of one core, on a
 * thread of its own) makes those calls at once.
 */
public final class CipherWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int SEGMENT = 1024;
    private static final int BYTES = 6 << 20;

    private CipherWarmUp() {
    }

    /** Starts it once per process, on a background thread; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(CipherWarmUp::run, "cipher-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Encrypts and decrypts throwaway bytes under a throwaway key: no data, no file. */
    static void run() {
        try {
            AesGcmHkdfStreaming cipher = new AesGcmHkdfStreaming(new byte[32], "HmacSha256", 32, SEGMENT, 0);
            ByteArrayOutputStream sealed = new ByteArrayOutputStream(BYTES + BYTES / 16);
            try (OutputStream out = cipher.newEncryptingStream(sealed, new byte[0])) {
                out.write(new byte[BYTES]);
            }
            try (InputStream in = cipher.newDecryptingStream(new ByteArrayInputStream(sealed.toByteArray()), new byte[0])) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            // the bags' and the signatures' SHA-512 the same way (a smaller gain: no instruction of its own here)
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-512");
            byte[] block = new byte[SEGMENT];
            for (int i = 0; i < 4000; i++) {
                sha.update(block);
            }
            sha.digest();
        } catch (GeneralSecurityException | IOException e) {
            // the first stream is then only slower
        }
    }
}
