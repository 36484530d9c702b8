package id.berkasdesa.keys;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (Bouncy Castle's pure-Java generator) over a password's UTF-8 bytes: every character
 * counts. The one place a password becomes key material, for the account's hash and for the key
 * that wraps the store's key.
 */
public final class Argon2id {

    public static final int LENGTH = 32;

    private Argon2id() {
    }

    public static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        byte[] utf8 = utf8(password);
        try {
            Argon2BytesGenerator g = new Argon2BytesGenerator();
            g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations)
                    .withParallelism(parallelism).build());
            byte[] out = new byte[LENGTH];
            g.generateBytes(utf8, out);
            return out;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** The password's UTF-8 bytes, without a String copy that could not be wiped. */
    static byte[] utf8(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }
}
