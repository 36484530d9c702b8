package id.berkasdesa.account;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import id.berkasdesa.keys.Argon2id;
import id.berkasdesa.keys.Phc;

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
        /**
         * For the test suite only (1 MiB, 1 pass: a few milliseconds), when the JVM is started with
         * {@code -Dberkasdesa.testPasswordCost=true}; the tests that check the cost or the timing of a
         * sign-in clear it. Hashes carry their parameters, so a store made so is re-hashed at the real
         * cost at its next sign-in in a normal run.
         */
        public static final Cost TEST = new Cost(1024, 1, 1);
        public static final String TEST_PROPERTY = "berkasdesa.testPasswordCost";

        /** {@link #DEFAULT}, or {@link #TEST} in a test run that asks for it. */
        public static Cost forThisRun() {
            return Boolean.getBoolean(TEST_PROPERTY) ? TEST : DEFAULT;
        }
    }

    public static final int MIN_LENGTH = 10;
    private static final int SALT = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cost cost;

    public Passwords(Cost cost) {
        this.cost = cost;
    }

    /** Short everyday words for passwords the app makes: easy to read out and type, unrelated to each other. */
    private static final String[] WORDS = ("apel awan bambu batu bebek bintang buku bulan bunga cabai cangkul daun "
            + "delima domba durian ember gajah garam gelas gitar gula gunung hujan ikan jagung jahe jala jambu jendela "
            + "jeruk kabut kacang kapal kayu kelapa kelinci kemiri kendi kerbau kipas kopi kuda kunci labu lampu laut "
            + "lemari lilin madu mangga manggis meja melati merpati nanas padi pantai payung pelangi pena perahu pinang "
            + "pisang rambutan rotan rusa sagu salak sapi sawah sepeda sirih sungai surat talas tebu teh telaga tikar "
            + "timun tomat topi ubi udang ular wajan waru wortel").split(" ");

    /**
     * A first password the app makes for someone else (the Administrator never chooses it, so never knows
     * it afterwards): four random everyday words and two digits, "mangga-sepeda-kabut-rotan-47" — about
     * 33 bits, kept only until the first sign-in, where it must be changed.
     */
    public static String generate() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(WORDS[RANDOM.nextInt(WORDS.length)]).append('-');
        }
        return b.append(10 + RANDOM.nextInt(90)).toString();
    }

    /** The lowest zxcvbn score a new password may have: 3, about 10^8 guesses or more. */
    static final int MIN_SCORE = 3;
    private static final com.nulabinc.zxcvbn.Zxcvbn ZXCVBN = new com.nulabinc.zxcvbn.Zxcvbn();

    /**
     * What is wrong with a new password, as a message key, if anything: fewer than 10 characters; a
     * password that contains one of {@code own} (the login, the village's or the office's name); or one
     * a guesser finds quickly (zxcvbn score under 3: "1234567890", "aaaaaaaaaa", a common word with a
     * number). The messages hint at three or four words.
     */
    public static Optional<String> problem(char[] password, java.util.Collection<String> own) {
        Optional<String> basic = problem(password);
        if (basic.isPresent()) {
            return basic;
        }
        String typed = new String(password);
        String folded = fold(typed);
        java.util.List<String> inputs = new java.util.ArrayList<>();
        for (String word : own) {
            if (word == null || word.isBlank()) {
                continue;
            }
            inputs.add(word);
            for (String part : word.split("[\\s,.\\-—/]+")) {
                String f = fold(part);
                if (f.length() >= 4 && !GENERIC.contains(f) && folded.contains(f)) {
                    return Optional.of("account.password.ownName");
                }
                if (!part.isBlank()) {
                    inputs.add(part);
                }
            }
        }
        com.nulabinc.zxcvbn.Strength s = ZXCVBN.measure(typed, inputs);
        return s.getScore() < MIN_SCORE ? Optional.of("account.password.weak") : Optional.empty();
    }

    /** Words of every office's name, which say nothing about this one ("Kantor Desa …"). */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("kantor", "desa", "kelurahan", "dinas", "sosial",
            "kabupaten", "kota", "kecamatan", "pemerintah");

    private static String fold(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
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
        byte[] out = Argon2id.derive(password, salt, cost.memoryKib(), cost.iterations(), cost.parallelism());
        String encoded = new Phc(cost.memoryKib(), cost.iterations(), cost.parallelism(), salt, out).encode();
        Arrays.fill(out, (byte) 0);
        return encoded;
    }

    /** True when {@code password} is the one {@code encoded} was made from (compared in constant time). */
    /** Argon2id of a password already derived beside the unlock, for the sign-in's check to take once. */
    private record Derived(String setting, char[] password, byte[] out) {
    }

    private static volatile Derived ahead;

    /**
     * Derives {@code password} with the parameters and salt of {@code setting} (a PHC string without
     * its hash: what a seal in the key file records of its account's hash) now, on the caller's thread,
     * and keeps the output for the next {@link #verify} of the same password against a hash of that
     * setting, which then costs no second Argon2id: the unlock runs it beside the key file's own.
     */
    public static void deriveAhead(char[] password, String setting) {
        Phc.parse(setting).ifPresent(p -> ahead = new Derived(p.setting(), password.clone(), p.derive(password)));
    }

    public boolean verify(char[] password, String encoded) {
        Optional<Phc> p = Phc.parse(encoded);
        if (p.isEmpty() || p.get().hash().length == 0) {
            return false;
        }
        byte[] out = takeAhead(p.get().setting(), password).orElseGet(() -> p.get().derive(password));
        boolean same = MessageDigest.isEqual(out, p.get().hash());
        Arrays.fill(out, (byte) 0);
        return same;
    }

    /** The output derived ahead, when it was of this very password and setting; used once either way. */
    private static Optional<byte[]> takeAhead(String setting, char[] password) {
        Derived d = ahead;
        if (d == null) {
            return Optional.empty();
        }
        ahead = null;
        boolean mine = d.setting().equals(setting) && Arrays.equals(d.password(), password);
        Arrays.fill(d.password(), '\0');
        if (!mine) {
            Arrays.fill(d.out(), (byte) 0);
            return Optional.empty();
        }
        return Optional.of(d.out());
    }

    /** True when {@code encoded} was made with weaker parameters than new hashes get. */
    public boolean weakerThanNow(String encoded) {
        return Phc.parse(encoded).map(p -> p.memoryKib() < cost.memoryKib() || p.iterations() < cost.iterations())
                .orElse(true);
    }
}
