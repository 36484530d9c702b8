package id.berkasdesa.account;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle's pure-Java generator), in the PHC string form that keeps
 * the parameters with the hash: {@code $argon2id$v=19$m=47104,t=2,p=1$salt$hash}. A hash made with
 * weaker parameters still verifies and can be re-made at the next sign-in.
 *
 * <p>Every character counts: the password is hashed as its UTF-8 bytes (H2's own file password, by
 * contrast, drops the high byte of every character). Arrays holding a password are wiped after use.
 */
public final class Passwords {

    /** The parameters new hashes get: memory in KiB, iterations, lanes. */
    public record Cost(int memoryKib, int iterations, int parallelism) {
        /** OWASP's floor for Argon2id: 19 MiB, 2 passes, 1 lane. */
        public static final Cost OWASP_MINIMUM = new Cost(19 * 1024, 2, 1);
        /**
         * Chosen on this PC class (see the closing note's benchmark): 46 MiB, 2 passes, 1 lane, about
         * 0.3 s on an old office PC — slow for a guessing attacker, fine for an operator.
         */
        public static final Cost DEFAULT = new Cost(46 * 1024, 2, 1);
    }

    public static final int MIN_LENGTH = 10;
    private static final int SALT = 16;
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cost cost;

    public Passwords(Cost cost) {
        this.cost = cost;
    }

    /** The message key of what is wrong with a new password, if anything: at least 10 characters, no upper limit. */
    public static Optional<String> problem(char[] password) {
        if (password == null || password.length == 0) {
            return Optional.of("account.password.empty");
        }
        int characters = Character.codePointCount(password, 0, password.length);
        if (characters < MIN_LENGTH) {
            return Optional.of("account.password.short");
        }
        if (new String(password).isBlank()) {
            return Optional.of("account.password.short");
        }
        return Optional.empty();
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, cost);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String encoded = "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
        Arrays.fill(out, (byte) 0);
        return encoded;
    }

    /** True when {@code password} is the one {@code encoded} was made from (compared in constant time). */
    public boolean verify(char[] password, String encoded) {
        Optional<Parsed> p = parse(encoded);
        if (p.isEmpty()) {
            return false;
        }
        byte[] out = derive(password, p.get().salt(), p.get().cost());
        boolean same = MessageDigest.isEqual(out, p.get().hash());
        Arrays.fill(out, (byte) 0);
        return same;
    }

    /** True when {@code encoded} was made with weaker parameters than new hashes get. */
    public boolean weakerThanNow(String encoded) {
        return parse(encoded).map(p -> p.cost().memoryKib() < cost.memoryKib() || p.cost().iterations() < cost.iterations())
                .orElse(true);
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {
    }

    private static Optional<Parsed> parse(String encoded) {
        try {
            String[] parts = encoded.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return Optional.empty();
            }
            int m = 0;
            int t = 0;
            int par = 0;
            for (String kv : parts[3].split(",")) {
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = v;
                    case 't' -> t = v;
                    case 'p' -> par = v;
                    default -> { return Optional.empty(); }
                }
            }
            Base64.Decoder b64 = Base64.getDecoder();
            return Optional.of(new Parsed(new Cost(m, t, par), b64.decode(parts[4]), b64.decode(parts[5])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(char[] password, byte[] salt, Cost cost) {
        byte[] utf8 = utf8(password);
        try {
            Argon2BytesGenerator g = new Argon2BytesGenerator();
            g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt).withMemoryAsKB(cost.memoryKib()).withIterations(cost.iterations())
                    .withParallelism(cost.parallelism()).build());
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
