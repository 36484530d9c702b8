package id.berkasdesa.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.common.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins counted outside the store, so that they count on an encrypted store too: there a
 * wrong password fails while the key is unwrapped, before the store (and its trail) can be opened.
 * Kept in {@value #FILE} beside the key file, written whole or not at all, per login — known only by a
 * salted hash of it, never the name. Five failures in a row lock the login for 5 minutes, doubling with
 * each lock; a lock is checked before the password is hashed. Failures the store could not record when
 * they happened wait here ({@link #pending}) and go into the trail, with their own times, at the next
 * good sign-in.
 *
 * <p>A plain store (tests of the database alone) keeps the same counts in memory.
 */
public final class SignInGuard {

    private static final Logger LOG = LoggerFactory.getLogger(SignInGuard.class);
    public static final String FILE = "masuk-gagal.json";
    static final int TRIES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(5);
    /** At most this many failures wait for the trail; the oldest beyond it are dropped (the counts still lock). */
    static final int MAX_PENDING = 500;
    /** The login of the recovery code. */
    public static final String RECOVERY = "#pemulihan";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A failure waiting for the trail: for whom (the login's hash), when, and which action. */
    public record Pending(String login, String at, String action) {
        public Instant instant() {
            return Instant.parse(at);
        }
    }

    record Login(int failed, int locks, String lockedUntil) {
    }

    record Content(int format, Map<String, Login> logins, List<Pending> pending) {
        Content {
            logins = logins == null ? new LinkedHashMap<>() : new LinkedHashMap<>(logins);
            pending = pending == null ? new ArrayList<>() : new ArrayList<>(pending);
        }
    }

    private final Path file;
    private final String salt;
    private Content memory = new Content(1, null, null);

    private SignInGuard(Path file, String salt) {
        this.file = file;
        this.salt = salt;
    }

    /** The guard of the store in {@code dataDir} whose id (from its key file) is {@code storeId}. */
    public static SignInGuard inFolder(Path dataDir, String storeId) {
        return new SignInGuard(dataDir.toAbsolutePath().resolve(FILE), storeId == null ? "" : storeId);
    }

    /** Counts kept in memory only (a store opened without its folder's key file). */
    public static SignInGuard inMemory() {
        return new SignInGuard(null, "");
    }

    /** The name a login is known by in the file: a salted hash, so the file names nobody. */
    public String id(String name) {
        String login = RECOVERY.equals(name) ? RECOVERY : id.berkasdesa.keys.KeyRing.login(name);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("berkas-desa masuk v1|" + salt + "|" + login).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until when {@code name} may not sign in, if it is locked at {@code now}. */
    public synchronized Optional<Instant> lockedUntil(String name, Instant now) {
        Login l = read().logins().get(id(name));
        if (l == null || l.lockedUntil() == null) {
            return Optional.empty();
        }
        Instant until = Instant.parse(l.lockedUntil());
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /**
     * Counts one failure of {@code name} at {@code now}. {@code recorded}: whether the store's trail
     * records it itself; if not, it waits here for the next good sign-in. @return the end of the lock
     * when this failure locks the login
     */
    public synchronized Optional<Instant> failed(String name, Instant now, boolean recorded) {
        Content c = read();
        String id = id(name);
        Login l = c.logins().getOrDefault(id, new Login(0, 0, null));
        int failures = l.failed() + 1;
        Optional<Instant> lock = Optional.empty();
        if (failures >= TRIES) {
            Instant until = now.plus(FIRST_LOCK.multipliedBy(1L << Math.min(l.locks(), 10)));
            c.logins().put(id, new Login(0, l.locks() + 1, until.toString()));
            lock = Optional.of(until);
        } else {
            c.logins().put(id, new Login(failures, l.locks(), l.lockedUntil()));
        }
        if (!recorded) {
            c.pending().add(new Pending(id, now.toString(), "signin.failed"));
            lock.ifPresent(until -> c.pending().add(new Pending(id, now.toString(), "signin.locked")));
            while (c.pending().size() > MAX_PENDING) {
                c.pending().remove(0);
            }
        }
        write(c);
        return lock;
    }

    /** A good sign-in (or the recovery code's reset) of {@code name}: its count starts again from nothing. */
    public synchronized void succeeded(String name) {
        Content c = read();
        if (c.logins().remove(id(name)) != null) {
            write(c);
        }
    }

    /** Failures the trail has not recorded yet, oldest first. */
    public synchronized List<Pending> pending() {
        return List.copyOf(read().pending());
    }

    /** {@code p} is in the trail now. */
    public synchronized void recorded(Pending p) {
        Content c = read();
        if (c.pending().remove(p)) {
            write(c);
        }
    }

    private Content read() {
        if (file == null || !Files.exists(file)) {
            return file == null ? memory : new Content(1, null, null);
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), Content.class);
        } catch (IOException | RuntimeException e) {
            // a damaged count file must not keep anyone out: it starts again (and says so in the log)
            LOG.warn("sign-in failure file unreadable, counting again from zero: {}", e.getClass().getSimpleName());
            return new Content(1, null, null);
        }
    }

    private void write(Content c) {
        if (file == null) {
            memory = c;
            return;
        }
        try {
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(c);
            AtomicFile.writePrivate(file, out -> out.write(json));
        } catch (IOException e) {
            throw new AccountException("account.signin.guardWrite", file.toString());
        }
    }
}
