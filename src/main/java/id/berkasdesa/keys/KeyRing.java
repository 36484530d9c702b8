package id.berkasdesa.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import com.google.crypto.tink.subtle.X25519;
import id.berkasdesa.common.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The key file ({@code kunci.json}, beside the store): what must be readable before the store opens.
 * It holds the store's key only wrapped (AES-256-GCM) — once for every active account, under a key
 * derived with Argon2id from that account's password, and once under the recovery code — bound to
 * this store's id and the account's name. The wrap key is derived from the same Argon2id output as the
 * account's password hash, so the app can make a wrap for every account from the hashes kept inside
 * the (encrypted) store, without anyone typing their password again; a password change re-wraps only.
 *
 * <p>Until a store has its first Administrator (a new store being set up, before any personal data
 * is entered) the key lies in the file unwrapped ("unclaimed"); creating the Administrator claims it.
 *
 * <p>Written whole or not at all ({@link AtomicFile}); the file's presence is what says the store is
 * encrypted.
 */
public final class KeyRing {

    public static final String FILE = "kunci.json";
    static final int FORMAT = 1;
    private static final String RECOVERY = "#pemulihan";
    private static final byte[] DUMMY_SALT = new byte[16];
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What the data folder holds. */
    public enum State {
        /** No key file: no store yet, or a store from before encryption. */
        NONE,
        /** A key not yet claimed by an Administrator. */
        UNCLAIMED,
        /** Only a password or the recovery code opens it. */
        CLAIMED
    }

    /** One wrap of the store key: for whom, the Argon2id setting (parameters and salt), the sealed key. */
    record Wrap(String login, String setting, String sealed) {
    }

    /** The village's own key pair (signing bundles, reading answers), sealed under the store key. */
    record VillageKeys(String kode, String nama, String decrypt, String sign) {
    }

    /**
     * One person's {@link Identity}, sealed (AES-256-GCM) under a key derived with Argon2id from their
     * password with a salt of its own: unlike a {@link Wrap}, nothing the store keeps gives this key.
     */
    record Seal(String login, String setting, String sealed, String hash, String box, String share) {
        Seal(String login, String setting, String sealed) {
            this(login, setting, sealed, null, null, null);
        }

        /** The same seal, with the store key shared to its box anew (or dropped: null). */
        Seal withShare(String s) {
            return new Seal(login, setting, sealed, hash, box, s);
        }
    }

    /** What a seal holds, as JSON. */
    record SealedIdentity(String own, String rootPublic, String root, Long headSeq, String headHash) {
    }

    record Content(int format, String storeId, String village, String unclaimed, List<Wrap> wraps, Wrap recovery,
            VillageKeys desa, List<Seal> seals, Seal recoverySeal) {
        Content {
            wraps = wraps == null ? List.of() : List.copyOf(wraps);
            seals = seals == null ? List.of() : List.copyOf(seals);
        }

        Content with(List<Wrap> w, Wrap r, String v, String u) {
            return new Content(format, storeId, v, u, w, r, desa, seals, recoverySeal);
        }

        Content withSeals(List<Seal> s, Seal r) {
            return new Content(format, storeId, village, unclaimed, wraps, recovery, desa, s, r);
        }
    }

    private final Path file;
    private final StoreKey key;
    private Content content;
    /** A key file of the sign-in's warm-up ({@link #warmUp}): never written to an office's server. */
    private boolean throwaway;

    private KeyRing(Path file, StoreKey key, Content content) {
        this.file = file;
        this.key = key;
        this.content = content;
    }

    public static Path file(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(FILE);
    }

    /**
     * How a login is written in the key file: a salted hash (the store's id as salt), so the file names
     * nobody; key files from before hold the login itself, which still unlocks and is rewritten at the
     * next opening.
     */
    static String loginId(String storeId, String name) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("berkas-desa login v1|" + storeId + "|" + login(name)).getBytes(StandardCharsets.UTF_8));
            return "h1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code w} is a wrap of {@code name}'s password (hashed, or as an older key file wrote it). */
    private static boolean isOf(Wrap w, String storeId, String name) {
        return w.login().equals(loginId(storeId, name)) || w.login().equals(login(name));
    }

    /** The name a login is known by: case and surrounding spaces do not matter. */
    public static String login(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static State state(Path dataDir) {
        Path f = file(dataDir);
        if (!Files.exists(f)) {
            return State.NONE;
        }
        return read(f).unclaimed() != null ? State.UNCLAIMED : State.CLAIMED;
    }

    /** The village named in the key file (for the sign-in screen before the store opens), if any. */
    public static Optional<String> village(Path dataDir) {
        return named(dataDir).name();
    }

    /**
     * What the sign-in of a locked store shows before it opens: whose store it is (as {@link #village})
     * and whether it is a Dinas Sosial's — the key pair sealed in it is then a kabupaten's ("32.01"),
     * where a village's is its village's ("32.01.01.1001"); false when no pair is sealed yet.
     */
    public record Named(Optional<String> name, boolean district) {
    }

    /** The key file of {@code dataDir}, read once, as {@link Named}; nothing named when there is no file. */
    public static Named named(Path dataDir) {
        Path f = file(dataDir);
        if (!Files.exists(f)) {
            return new Named(Optional.empty(), false);
        }
        Content c = read(f);
        return new Named(Optional.ofNullable(c.village()), Optional.ofNullable(c.desa()).map(VillageKeys::kode)
                .filter(k -> k.matches("\\d{2}\\.\\d{2}")).isPresent());
    }

    /** The store id named in the key file of {@code dataDir}, if there is one. */
    public static Optional<String> storeIdOf(Path dataDir) {
        Path f = file(dataDir);
        return Files.exists(f) ? Optional.ofNullable(read(f).storeId()) : Optional.empty();
    }

    /** A new key for a new store, not yet written (see {@link #save}). */
    public static KeyRing generate(Path dataDir) {
        StoreKey k = StoreKey.generate();
        byte[] b = k.bytes();
        try {
            return new KeyRing(file(dataDir), k, new Content(FORMAT, UUID.randomUUID().toString(), null,
                    b64(b), List.of(), null, null, List.of(), null));
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** The key of a store nobody has claimed yet. */
    public static KeyRing openUnclaimed(Path dataDir) {
        Path f = file(dataDir);
        Content c = read(f);
        if (c.unclaimed() == null) {
            throw new KeyException("keys.error.claimed", null);
        }
        byte[] b = unb64(c.unclaimed());
        try {
            return new KeyRing(f, new StoreKey(b), c);
        } catch (IllegalArgumentException e) {
            throw new KeyException("keys.error.unreadable", e, f.toString());
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /**
     * Unwraps the key with an account's password. An unknown name costs the same time as a wrong
     * password. @throws KeyException "account.signin.wrong"
     */
    /**
     * The settings (cost and salt, no hash) of the password hashes {@code name}'s seals were made for,
     * read before the unlock so that the sign-in's Argon2id of the password can run beside it. Empty
     * when the file or the login has none.
     */
    public static List<String> sealHashes(Path dataDir, String name) {
        Path f = file(dataDir);
        if (!Files.exists(f)) {
            return List.of();
        }
        Content c = read(f);
        String id = loginId(c.storeId(), name);
        return c.seals().stream().filter(s -> s.login().equals(id) && s.hash() != null).map(Seal::hash).distinct().toList();
    }

    public static KeyRing unlock(Path dataDir, String name, char[] password) {
        Path f = file(dataDir);
        Content c = read(f);
        if (c.unclaimed() != null) {
            return openUnclaimed(dataDir);
        }
        String id = loginId(c.storeId(), name);
        for (Seal s : c.seals()) {
            if (s.login().equals(id) && s.share() != null) {
                Optional<Opened> k = openShare(c.storeId(), s, password);
                if (k.isPresent()) {
                    KeyRing ring = new KeyRing(f, k.get().key(), c);
                    ring.opened(id, s, k.get().sealKey(), password);
                    return ring;
                }
            }
        }
        List<Wrap> mine = c.wraps().stream().filter(w -> isOf(w, c.storeId(), name)).toList();
        if (mine.isEmpty() && c.seals().stream().noneMatch(s -> s.login().equals(id) && s.share() != null)) {
            Argon2id.derive(password, DUMMY_SALT, 46 * 1024, 2, 1);
            throw new KeyException("account.signin.wrong", null);
        }
        for (Wrap w : mine) {
            Optional<StoreKey> k = open(c.storeId(), w, password);
            if (k.isPresent()) {
                return new KeyRing(f, k.get(), c);
            }
        }
        throw new KeyException("account.signin.wrong", null);
    }

    /**
     * The sign-in's own code, run once on a throwaway key file in {@code tmp} (a temporary folder of
     * the caller's) with a cheap Argon2id: an account's wrap and its sealed identity made, then the
     * unlock, the seal opened and its signing key used, so that the real sign-in after Enter finds
     * Tink's X25519 and Ed25519, the key file's JSON and AES-GCM loaded and compiled (measured: the
     * identity's opening took 180-260 ms after Enter, cold). Never mirrored to a server.
     *
     * @return the throwaway store's key, for a throwaway store beside it
     */
    public static StoreKey warmUp(Path tmp) {
        char[] password = "pemanasan-saja".toCharArray();
        String name = "pemanasan";
        KeyRing ring = generate(tmp);
        ring.throwaway = true;
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        Phc setting = new Phc(8 * 1024, 1, 1, salt, new byte[0]);
        String phc = new Phc(8 * 1024, 1, 1, salt, setting.derive(password)).encode();
        String login = loginId(ring.content.storeId(), name);
        ring.content = ring.content.with(List.of(ring.seal(login, phc)), null, null, null);
        SigningKey root = SigningKey.generate();
        ring.seal(name, password, phc, new Identity(SigningKey.generate(), root.publicText(), root, null));
        KeyRing again = unlock(tmp, name, password);
        again.throwaway = true;
        again.openSeal(name, password).ifPresent(i -> SigningKey.verifies(i.rootPublic(), name, i.root().sign(name)));
        return again.key();
    }

    /** Unwraps the key with the recovery code (normalized: 30 characters, no spaces). @throws KeyException "account.recover.wrong" */
    public static KeyRing unlockWithRecovery(Path dataDir, String normalizedCode) {
        Path f = file(dataDir);
        Content c = read(f);
        if (c.unclaimed() != null) {
            return openUnclaimed(dataDir);
        }
        if (c.recoverySeal() != null && c.recoverySeal().share() != null) {
            Optional<Opened> k = openShare(c.storeId(), c.recoverySeal(), normalizedCode.toCharArray());
            if (k.isPresent() || c.recovery() == null) {
                return k.map(x -> {
                    KeyRing ring = new KeyRing(f, x.key(), c);
                    ring.opened(RECOVERY_SEAL, c.recoverySeal(), x.sealKey(), normalizedCode.toCharArray());
                    return ring;
                }).orElseThrow(() -> new KeyException("account.recover.wrong", null));
            }
        }
        if (c.recovery() == null) {
            throw new KeyException("account.recover.none", null);
        }
        return open(c.storeId(), c.recovery(), normalizedCode.toCharArray())
                .map(k -> new KeyRing(f, k, c))
                .orElseThrow(() -> new KeyException("account.recover.wrong", null));
    }

    public StoreKey key() {
        return key;
    }

    /** The store's id (random, made with its key): a backup names the store it was made from. */
    public String storeId() {
        return content.storeId();
    }

    /** Whether nobody has claimed the key yet (it lies unwrapped in the key file: no backup may carry it). */
    public boolean unclaimed() {
        return content.unclaimed() != null;
    }

    /** Told every key file written (its path and bytes): a store on a database server keeps them there too. */
    public interface Mirror {
        void saved(Path file, byte[] json);
    }

    private static volatile Mirror mirror;

    /** Sets the one {@link Mirror} of this process (a PC working on an office's database server). */
    public static void mirror(Mirror m) {
        mirror = m;
    }

    /** Writes the key file, whole or not at all (and to the {@link Mirror}, when there is one). */
    public synchronized void save() {
        byte[] json;
        try {
            Files.createDirectories(file.getParent());
            json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
            AtomicFile.writePrivate(file, out -> out.write(json));
        } catch (IOException e) {
            throw new KeyException("keys.error.write", e, file.toString());
        }
        Mirror m = mirror;
        if (m != null && !throwaway) {
            m.saved(file, json);
        }
    }

    /** Adds a wrap for {@code name}'s password (its Argon2id hash {@code phc}), keeping their others until {@link #keepOnly}. */
    public synchronized void wrap(String name, String phc) {
        Wrap w = seal(loginId(content.storeId(), name), phc);
        List<Wrap> wraps = new ArrayList<>(content.wraps());
        if (wraps.stream().noneMatch(x -> x.login().equals(w.login()) && x.setting().equals(w.setting()))) {
            wraps.add(w);
        }
        content = content.with(wraps, content.recovery(), content.village(), content.unclaimed());
        save();
    }

    /** A wrap as key files wrote it before logins were hashed (the login itself): tests make an older file so. */
    synchronized void wrapAsBefore(String name, String phc) {
        List<Wrap> wraps = new ArrayList<>(content.wraps());
        wraps.add(seal(login(name), phc));
        content = content.with(wraps, content.recovery(), content.village(), content.unclaimed());
        save();
    }

    /**
     * Makes the wraps exactly those of {@code accounts} (login → current password hash) and the
     * recovery code's hash; with at least one account and a recovery code, the key is no longer kept
     * unclaimed. Written only when something changed. Run after every unlock: a change of password
     * that crashed between the store and this file is put right here.
     */
    public synchronized void keepOnly(Map<String, String> accounts, String recoveryPhc, String village) {
        // each person's seals: those of their current password (a seal made for a new password that
        // never reached the store, or of the password before, goes); nobody else's
        Map<String, String> settings = new java.util.HashMap<>();
        accounts.forEach((name, phc) -> Phc.parse(phc).ifPresent(x -> settings.put(loginId(content.storeId(), name), x.setting())));
        // (a seal of another hash goes only when one of the current hash is there: never anyone's last)
        List<Seal> seals = content.seals().stream().filter(x -> settings.containsKey(x.login())
                && (x.hash() == null || x.hash().equals(settings.get(x.login())) || content.seals().stream()
                        .noneMatch(y -> y.login().equals(x.login()) && settings.get(x.login()).equals(y.hash())))).toList();
        Seal recoverySeal = content.recoverySeal();
        List<Wrap> wraps = new ArrayList<>();
        for (Map.Entry<String, String> a : accounts.entrySet()) {
            String login = loginId(content.storeId(), a.getKey());
            String setting = Phc.parse(a.getValue()).map(Phc::setting).orElse(null);
            if (setting == null || seals.stream().anyMatch(x -> x.login().equals(login) && x.share() != null)) {
                continue; // their password opens the key through their own seal: no wrap the store's hash gives
            }
            // a wrap under the login itself (an older key file) is sealed again under its hash
            wraps.add(content.wraps().stream().filter(w -> w.login().equals(login) && w.setting().equals(setting))
                    .findFirst().orElseGet(() -> seal(login, a.getValue())));
        }
        Wrap recovery = content.recovery();
        boolean recoveryShared = recoverySeal != null && recoverySeal.share() != null;
        if (recoveryShared) {
            recovery = null;
        } else if (recoveryPhc != null) {
            String setting = Phc.parse(recoveryPhc).map(Phc::setting).orElse(null);
            if (recovery == null || !recovery.setting().equals(setting)) {
                recovery = seal(RECOVERY, recoveryPhc);
            }
        }
        boolean someoneOpens = !wraps.isEmpty() || seals.stream().anyMatch(x -> x.share() != null);
        String unclaimed = someoneOpens && (recovery != null || recoveryShared) ? null : content.unclaimed();
        Content next = content.with(wraps, recovery, village, unclaimed).withSeals(seals, recoverySeal);
        if (!next.equals(content)) {
            content = next;
            save();
        }
    }

    /**
     * The seal the store key was opened through at unlock, with its key and a salted digest of the
     * password that opened it: the identity in it opens for the same password without deriving the
     * key again (one Argon2id fewer at every sign-in), and for no other.
     */
    private record Unlocked(String login, Seal seal, byte[] sealKey, byte[] salt, byte[] digest) {
        boolean matches(char[] secret) {
            return java.security.MessageDigest.isEqual(digest, digestOf(salt, secret));
        }
    }

    private Unlocked unlockedSeal;

    private synchronized void opened(String login, Seal seal, byte[] sealKey, char[] secret) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        unlockedSeal = new Unlocked(login, seal, sealKey, salt, digestOf(salt, secret));
    }

    private static byte[] digestOf(byte[] salt, char[] secret) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            d.update(salt);
            java.nio.ByteBuffer b = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            d.update(bytes);
            Arrays.fill(bytes, (byte) 0);
            return d.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seal keys this process derived (opened or made), by login: a checkpoint is sealed again without the password. */
    private final Map<String, byte[]> sealKeys = new java.util.HashMap<>();
    private static final String RECOVERY_SEAL = "#pemulihan-identitas";

    /**
     * Seals {@code identity} for {@code name} under {@code password} (Argon2id with the parameters of
     * {@code phcForCost} and a salt of its own; about as slow as a sign-in), replacing their seal.
     */
    public void seal(String name, char[] password, String phcForCost, Identity identity) {
        sealAs(loginId(content.storeId(), name), password, phcForCost, identity);
    }

    /** The same under the recovery code (normalized): its identity is the certifying key's. */
    public void sealRecovery(String normalizedCode, String phcForCost, Identity identity) {
        sealAs(RECOVERY_SEAL, normalizedCode.toCharArray(), phcForCost, identity);
    }

    private void sealAs(String login, char[] secret, String phcForCost, Identity identity) {
        Phc cost = Phc.parse(phcForCost).orElseThrow(() -> new IllegalArgumentException("not an Argon2id hash"));
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        Phc setting = new Phc(cost.memoryKib(), cost.iterations(), cost.parallelism(), salt, new byte[0]);
        byte[] raw = setting.derive(secret);
        byte[] k = sealKey(raw);
        Arrays.fill(raw, (byte) 0);
        synchronized (this) {
            byte[] box = boxPublic(k);
            Seal s = new Seal(login, setting.setting(), encryptIdentity(k, login, identity), cost.setting(), b64(box),
                    share(content.storeId(), login, box, key));
            sealKeys.put(login, k);
            putSeal(s);
        }
    }

    /** {@code name}'s identity, opened with their password; empty when they have none or the password does not open it. */
    public Optional<Identity> openSeal(String name, char[] password) {
        return openAs(loginId(content.storeId(), name), password);
    }

    /** The recovery code's identity (the certifying key), when the code opens it. */
    public Optional<Identity> openRecoverySeal(String normalizedCode) {
        return openAs(RECOVERY_SEAL, normalizedCode.toCharArray());
    }

    /** Whether {@code name} has a sealed identity in this key file. */
    public synchronized boolean hasSeal(String name) {
        String login = loginId(content.storeId(), name);
        return content.seals().stream().anyMatch(x -> x.login().equals(login));
    }

    private Optional<Identity> openAs(String login, char[] secret) {
        List<Seal> candidates;
        synchronized (this) {
            candidates = login.equals(RECOVERY_SEAL) ? java.util.stream.Stream.ofNullable(content.recoverySeal()).toList()
                    : content.seals().stream().filter(x -> x.login().equals(login)).toList();
        }
        synchronized (this) {
            if (unlockedSeal != null && unlockedSeal.login().equals(login) && candidates.contains(unlockedSeal.seal())
                    && unlockedSeal.matches(secret)) {
                Optional<Identity> opened = openWith(login, unlockedSeal.seal(), unlockedSeal.sealKey().clone());
                if (opened.isPresent()) {
                    return opened;
                }
            }
        }
        for (Seal s : candidates) {
            Optional<Identity> opened = openOne(login, s, secret);
            if (opened.isPresent()) {
                return opened;
            }
        }
        return Optional.empty();
    }

    private Optional<Identity> openOne(String login, Seal s, char[] secret) {
        Optional<Phc> p = Phc.parse(s.setting());
        if (p.isEmpty()) {
            return Optional.empty();
        }
        byte[] raw = p.get().derive(secret);
        byte[] k = sealKey(raw);
        Arrays.fill(raw, (byte) 0);
        return openWith(login, s, k);
    }

    /** The identity in {@code s} under the seal key {@code k} (kept for a later checkpoint when it opens). */
    private Optional<Identity> openWith(String login, Seal s, byte[] k) {
        try {
            byte[] json = new AesGcmJce(k).decrypt(unb64(s.sealed()), sealContext(content.storeId(), login));
            SealedIdentity si = JSON.readValue(json, SealedIdentity.class);
            Arrays.fill(json, (byte) 0);
            synchronized (this) {
                sealKeys.put(login, k);
                if (s.share() == null && key != null) {
                    // a seal from before shares: from now on this password opens the key through it
                    byte[] box = boxPublic(k);
                    putSeal(new Seal(s.login(), s.setting(), s.sealed(), s.hash(), b64(box),
                            share(content.storeId(), login, box, key)));
                }
            }
            return Optional.of(new Identity(SigningKey.fromPrivate(si.own()), si.rootPublic(),
                    si.root() == null ? null : SigningKey.fromPrivate(si.root()),
                    si.headSeq() == null ? null : new Identity.Head(si.headSeq(), si.headHash())));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            Arrays.fill(k, (byte) 0);
            return Optional.empty();
        }
    }

    /**
     * Seals {@code identity} again for {@code name} with the key their password gave earlier in this
     * process (a new checkpoint at sign-out); does nothing when this process never had that key.
     */
    public synchronized void reseal(String name, Identity identity) {
        String login = loginId(content.storeId(), name);
        byte[] k = sealKeys.get(login);
        Seal old = k == null ? null : content.seals().stream()
                .filter(x -> x.login().equals(login) && keyOf(x) != null).findFirst().orElse(null);
        if (old == null) {
            return;
        }
        putSeal(new Seal(login, old.setting(), encryptIdentity(k, login, identity), old.hash(), old.box(), old.share()));
    }

    /** The seal key {@code s} was made with, when it is the one this process knows for its login (by its box). */
    private byte[] keyOf(Seal s) {
        byte[] k = sealKeys.get(s.login());
        return k != null && (s.box() == null || s.box().equals(b64(boxPublic(k)))) ? k : null;
    }

    /**
     * Puts {@code s} in place of the seal of the same login and password hash; the login's seals of
     * other hashes stay until {@link #keepOnly} knows which password the store holds (a new password
     * whose save a power cut stopped must not lock its owner out).
     */
    private void putSeal(Seal s) {
        if (s.login().equals(RECOVERY_SEAL)) {
            content = content.withSeals(content.seals(), s);
        } else {
            List<Seal> seals = new ArrayList<>(content.seals().stream().filter(x -> !x.login().equals(s.login())
                    || (x.hash() != null && s.hash() != null && !x.hash().equals(s.hash()))).toList());
            seals.add(s);
            content = content.withSeals(seals, content.recoverySeal());
        }
        save();
    }

    private String encryptIdentity(byte[] k, String login, Identity id) {
        SealedIdentity si = new SealedIdentity(id.own().privateText(), id.rootPublic(),
                id.root() == null ? null : id.root().privateText(), id.head() == null ? null : id.head().seq(),
                id.head() == null ? null : id.head().hash());
        try {
            byte[] json = JSON.writeValueAsBytes(si);
            try {
                return b64(new AesGcmJce(k).encrypt(json, sealContext(content.storeId(), login)));
            } finally {
                Arrays.fill(json, (byte) 0);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key file for the same store under a new, random store key (Ganti kunci data), written into
     * {@code dir}: every seal that has a box gets the new key shared to it, the village's key pair is
     * sealed under the new key, and nothing else opens it — no wrap from a password hash the store
     * keeps, no seal of anyone already gone. A seal without a box (nobody signed in with it since
     * shares came) is dropped: see {@link #withoutBox}.
     */
    public synchronized KeyRing rekeyed(Path dir) {
        StoreKey next = StoreKey.generate();
        List<Seal> seals = content.seals().stream().filter(x -> x.box() != null)
                .map(x -> x.withShare(share(content.storeId(), x.login(), unb64(x.box()), next))).toList();
        Seal r = content.recoverySeal();
        Seal recovery = r == null || r.box() == null ? null
                : r.withShare(share(content.storeId(), r.login(), unb64(r.box()), next));
        VillageKeys desa = content.desa();
        if (desa != null) {
            byte[] oldK = key.derive("berkas-desa village keys v1");
            byte[] newK = next.derive("berkas-desa village keys v1");
            try {
                byte[] context = ("berkas-desa desa v1|" + content.storeId()).getBytes(StandardCharsets.UTF_8);
                KeyPair pair = KeyPair.unseal(new KeyPair.Sealed(unb64(desa.decrypt()), unb64(desa.sign())),
                        new AesGcmJce(oldK), context, "desa", desa.kode(), desa.nama());
                KeyPair.Sealed sealed = pair.seal(new AesGcmJce(newK), context);
                desa = new VillageKeys(desa.kode(), desa.nama(), b64(sealed.decrypt()), b64(sealed.sign()));
            } catch (GeneralSecurityException e) {
                throw new KeyException("keys.error.unreadable", e, file.toString());
            } finally {
                Arrays.fill(oldK, (byte) 0);
                Arrays.fill(newK, (byte) 0);
            }
        }
        KeyRing ring = new KeyRing(file(dir), next, new Content(FORMAT, content.storeId(), content.village(), null,
                List.of(), null, desa, seals, recovery));
        ring.save();
        return ring;
    }

    /** Of {@code names}, those whose password opens the key only through a wrap from their hash (no box yet). */
    public synchronized List<String> withoutBox(java.util.Collection<String> names) {
        return names.stream().filter(n -> content.seals().stream()
                .noneMatch(x -> x.login().equals(loginId(content.storeId(), n)) && x.box() != null)).toList();
    }

    /** Whether the recovery code opens the key through a box of its own (else a new key leaves it behind). */
    public synchronized boolean recoveryBoxed() {
        return content.recoverySeal() != null && content.recoverySeal().box() != null;
    }

    /**
     * The public half of a seal key's box: an X25519 key pair whose private half is derived from the
     * seal key (so from the password and the seal's own salt) and never stored. The store key is
     * shared to it; an Administrator can share a new store key to everyone's box without knowing any
     * password, and nothing the store keeps opens a box.
     */
    private static byte[] boxPublic(byte[] sealKey) {
        byte[] priv = hkdf(sealKey, "berkas-desa box v1");
        try {
            return X25519.publicFromPrivate(priv);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(priv, (byte) 0);
        }
    }

    /**
     * The store key encrypted to {@code box} (as HPKE's base mode does: an ephemeral X25519 key, the
     * shared secret through HKDF, AES-256-GCM bound to the store and the login): ephemeral public key
     * then ciphertext.
     */
    private static String share(String storeId, String login, byte[] box, StoreKey storeKey) {
        byte[] eph = X25519.generatePrivateKey();
        byte[] master = storeKey.bytes();
        byte[] k = null;
        try {
            byte[] ephPublic = X25519.publicFromPrivate(eph);
            k = shareKey(X25519.computeSharedSecret(eph, box), ephPublic, box);
            byte[] sealed = new AesGcmJce(k).encrypt(master, shareContext(storeId, login));
            byte[] out = Arrays.copyOf(ephPublic, ephPublic.length + sealed.length);
            System.arraycopy(sealed, 0, out, ephPublic.length, sealed.length);
            return b64(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(eph, (byte) 0);
            Arrays.fill(master, (byte) 0);
            if (k != null) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }

    /** The store key from {@code s}'s share and the seal key that opened it, when {@code secret} opens the seal's box (slow: Argon2id). */
    private static Optional<Opened> openShare(String storeId, Seal s, char[] secret) {
        Optional<Phc> p = Phc.parse(s.setting());
        if (p.isEmpty()) {
            return Optional.empty();
        }
        byte[] raw = p.get().derive(secret);
        byte[] sealKey = sealKey(raw);
        Arrays.fill(raw, (byte) 0);
        Optional<StoreKey> k = openShareWith(storeId, s, sealKey);
        if (k.isEmpty()) {
            Arrays.fill(sealKey, (byte) 0);
            return Optional.empty();
        }
        return Optional.of(new Opened(k.get(), sealKey));
    }

    /** A store key opened through a seal, and that seal's key (so the identity opens without a second Argon2id). */
    private record Opened(StoreKey key, byte[] sealKey) {
    }

    private static Optional<StoreKey> openShareWith(String storeId, Seal s, byte[] sealKey) {
        byte[] priv = hkdf(sealKey, "berkas-desa box v1");
        byte[] k = null;
        try {
            byte[] all = unb64(s.share());
            byte[] ephPublic = Arrays.copyOf(all, 32);
            byte[] box = X25519.publicFromPrivate(priv);
            k = shareKey(X25519.computeSharedSecret(priv, ephPublic), ephPublic, box);
            byte[] master = new AesGcmJce(k).decrypt(Arrays.copyOfRange(all, 32, all.length), shareContext(storeId, s.login()));
            try {
                return Optional.of(new StoreKey(master));
            } finally {
                Arrays.fill(master, (byte) 0);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(priv, (byte) 0);
            if (k != null) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }

    private static byte[] shareKey(byte[] shared, byte[] ephPublic, byte[] box) {
        byte[] ikm = new byte[shared.length + ephPublic.length + box.length];
        System.arraycopy(shared, 0, ikm, 0, shared.length);
        System.arraycopy(ephPublic, 0, ikm, shared.length, ephPublic.length);
        System.arraycopy(box, 0, ikm, shared.length + ephPublic.length, box.length);
        try {
            return hkdf(ikm, "berkas-desa share v1");
        } finally {
            Arrays.fill(shared, (byte) 0);
            Arrays.fill(ikm, (byte) 0);
        }
    }

    private static byte[] shareContext(String storeId, String login) {
        return ("berkas-desa bagian v1|" + storeId + "|" + login).getBytes(StandardCharsets.UTF_8);
    }

    /** The seal key from the Argon2id output of the seal's own salt (nothing the store keeps gives it). */
    private static byte[] sealKey(byte[] argon2) {
        return hkdf(argon2, "berkas-desa seal v1");
    }

    private static byte[] sealContext(String storeId, String login) {
        return ("berkas-desa identitas v1|" + storeId + "|" + login).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The village's key pair, made (and the key file written) the first time it is asked for. Its
     * private keys exist on disk only sealed under the store key.
     */
    public synchronized KeyPair villageKeys(String kode, String nama) {
        return ownKeys("desa", kode, nama, null);
    }

    /**
     * The store's own key pair as {@code kind} ("desa" for a village, "dinas" for a Dinas Sosial
     * office), sealed in the key file under the store key: made the first time it is asked for, or
     * {@code given} (a pair made before with {@code district-key new}) sealed in its place.
     */
    public synchronized KeyPair ownKeys(String kind, String kode, String nama, KeyPair given) {
        byte[] k = key.derive("berkas-desa village keys v1");
        try {
            AesGcmJce aead = new AesGcmJce(k);
            byte[] context = ("berkas-desa " + kind + " v1|" + content.storeId()).getBytes(StandardCharsets.UTF_8);
            VillageKeys v = content.desa();
            if (given == null && v != null && v.kode().equals(kode)) {
                return KeyPair.unseal(new KeyPair.Sealed(unb64(v.decrypt()), unb64(v.sign())), aead, context, kind,
                        v.kode(), v.nama());
            }
            KeyPair pair = given != null ? given : KeyPair.generate(kind, kode, nama);
            KeyPair.Sealed sealed = pair.seal(aead, context);
            content = new Content(FORMAT, content.storeId(), content.village(), content.unclaimed(), content.wraps(),
                    content.recovery(), new VillageKeys(kode, nama, b64(sealed.decrypt()), b64(sealed.sign())),
                    content.seals(), content.recoverySeal());
            save();
            return pair;
        } catch (GeneralSecurityException e) {
            throw new KeyException("keys.error.unreadable", e, file.toString());
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private Wrap seal(String login, String phc) {
        Phc p = Phc.parse(phc).orElseThrow(() -> new IllegalArgumentException("not an Argon2id hash"));
        byte[] kek = kek(p.hash());
        byte[] master = key.bytes();
        try {
            byte[] sealed = new AesGcmJce(kek).encrypt(master, context(content.storeId(), login));
            return new Wrap(login, p.setting(), b64(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            Arrays.fill(master, (byte) 0);
        }
    }

    private static Optional<StoreKey> open(String storeId, Wrap w, char[] secret) {
        Optional<Phc> p = Phc.parse(w.setting());
        if (p.isEmpty()) {
            return Optional.empty();
        }
        byte[] raw = p.get().derive(secret);
        byte[] kek = kek(raw);
        Arrays.fill(raw, (byte) 0);
        try {
            byte[] master = new AesGcmJce(kek).decrypt(unb64(w.sealed()), context(storeId, w.login()));
            try {
                return Optional.of(new StoreKey(master));
            } finally {
                Arrays.fill(master, (byte) 0);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The wrap key from the Argon2id output (the same bytes as the account's password hash). */
    private static byte[] kek(byte[] argon2) {
        return hkdf(argon2, "berkas-desa wrap v1");
    }

    /** 32 bytes of HKDF-SHA256 of {@code secret} under {@code label}. */
    private static byte[] hkdf(byte[] secret, String label) {
        try {
            return Hkdf.computeHkdf("HMACSHA256", secret, new byte[0], label.getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] context(String storeId, String login) {
        return ("berkas-desa kunci v1|" + storeId + "|" + login).getBytes(StandardCharsets.UTF_8);
    }

    private static Content read(Path f) {
        try {
            Content c = JSON.readValue(Files.readAllBytes(f), Content.class);
            if (c.format() != FORMAT || c.storeId() == null) {
                throw new KeyException(c.format() > FORMAT ? "keys.error.newer" : "keys.error.unreadable", null,
                        f.toString());
            }
            return c;
        } catch (IOException e) {
            throw new KeyException("keys.error.unreadable", e, f.toString());
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new KeyException("keys.error.unreadable", e, "");
        }
    }
}
