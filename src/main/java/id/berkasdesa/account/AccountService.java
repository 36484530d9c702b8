package id.berkasdesa.account;

import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import id.berkasdesa.keys.Identity;
import id.berkasdesa.keys.SigningKey;
import id.berkasdesa.keys.TrustLines;
import org.jdbi.v3.core.Handle;

/**
 * Accounts and signing in. Passwords are checked (Argon2id, about 0.3 s) outside any transaction;
 * each outcome is one unit of work with its audit entry, failures included. Five wrong passwords in a
 * row lock the account for 5 minutes, doubling with each lock; a good sign-in starts again from 5. The
 * counts live outside the store ({@link SignInGuard}), so that a wrong password that could not even
 * open an encrypted store counts too; its trail entries are written at the next good sign-in.
 */
public final class AccountService {

    public static final int TRIES = SignInGuard.TRIES;
    public static final int MAX_NAME = 100;

    private final Database db;
    private final Passwords passwords;
    private final Clock clock;
    private final id.berkasdesa.settings.SettingsStore settings;

    /** Minutes without use before the window locks itself: 10 unless the Administrator set another (1–120). */
    public static final int DEFAULT_LOCK_MINUTES = 10;
    public static final int MAX_LOCK_MINUTES = 120;
    /** The setting's name: the prefix, then the value's own part (not a message key). */
    private static final String LOCK_PREFIX = "lock.";
    private static final String LOCK_MINUTES = LOCK_PREFIX + "idleMinutes";

    private final KeyWraps wraps;
    private final SignInGuard guard;
    private final Identities identities;
    /** What the signed-in person's password opened: their signing key, the anchor, the checkpoint. */
    private volatile Identity identity;
    /** Told whose key signs the trail from now on (the journal). */
    private java.util.function.Consumer<SigningKey> signer = k -> { };

    public AccountService(Database db, Passwords passwords, id.berkasdesa.settings.SettingsStore settings, Clock clock,
            KeyWraps wraps, SignInGuard guard, Identities identities) {
        this.identities = identities;
        this.wraps = wraps;
        this.guard = guard;
        this.db = db;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
    }

    public int lockMinutes() {
        try {
            int m = Integer.parseInt(settings.read(LOCK_PREFIX).getOrDefault(LOCK_MINUTES, "").strip());
            return m >= 1 && m <= MAX_LOCK_MINUTES ? m : DEFAULT_LOCK_MINUTES;
        } catch (NumberFormatException e) {
            return DEFAULT_LOCK_MINUTES; // never set, or unreadable: the default
        }
    }

    /** The Administrator's setting. @throws AccountException when not 1–120 */
    public void lockMinutes(int minutes) {
        db.require("settings.change");
        if (minutes < 1 || minutes > MAX_LOCK_MINUTES) {
            throw new AccountException("account.lock.range", MAX_LOCK_MINUTES);
        }
        settings.write(java.util.Map.of(LOCK_MINUTES, Integer.toString(minutes)));
    }

    /** What a sign-in gives: who acts now, and whether they must first choose a new password. */
    public record SignedIn(Session session, boolean mustChange) {
    }

    private record Row(UUID id, String name, Role role, boolean active, String hash, boolean mustChange, int failed,
            int locks, OffsetDateTime lockedUntil, OffsetDateTime lastSignIn, String signKey, String cert) {
        /** The line the certifying key signs for this account. */
        String line() {
            return TrustLines.account(id.toString(), name, key(name), role.name(), active, signKey);
        }

        Account account() {
            return new Account(id, name, role, active, mustChange, lastSignIn);
        }
    }

    static String key(String name) {
        return id.berkasdesa.keys.KeyRing.login(name);
    }

    public boolean anyAccount() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM operator_account").mapTo(Long.class).one()) > 0;
    }

    /**
     * The store's first Administrator, on a store that has none (a new one, or one made before
     * accounts). Signs them in. @return the recovery code, to be shown once
     */
    public String createFirstAdministrator(String name, char[] password) {
        String clean = checkName(name);
        checkPassword(password, clean);
        String hash = passwords.hash(password);
        String code = RecoveryCode.generate();
        String codeHash = passwords.hash(RecoveryCode.normalize(code).orElseThrow().toCharArray());
        UUID id = UUID.randomUUID();
        wraps.wrap(clean, hash);
        // a store without a key file (tests of the database alone) signs nothing
        SigningKey root = identities.sealing() ? SigningKey.generate() : null;
        SigningKey own = identities.sealing() ? SigningKey.generate() : null;
        Identity mine = root == null ? null : new Identity(own, root.publicText(), root, null);
        if (mine != null) {
            identities.seal(clean, password, hash, mine);
            identities.sealRecovery(RecoveryCode.normalize(code).orElseThrow(), codeHash,
                    new Identity(root, root.publicText(), root, null));
        }
        Identity before = identity;
        use(mine);
        try {
            db.writeAs(Session.NOBODY, "operator.first", h -> {
                if (count(h) > 0) {
                    throw new AccountException("account.first.exists");
                }
                insert(h, id, clean, Role.ADMINISTRATOR, hash, false);
                if (root != null) {
                    anchor(h, root);
                    giveKey(h, root, id, own);
                }
            // made and signed in at once: Pengguna shows this as their last sign-in, not "-"
            h.createUpdate("UPDATE operator_account SET last_sign_in = :now WHERE id = :id").bind("now", now())
                    .bind("id", id).execute();
            h.createUpdate("DELETE FROM recovery_code").execute();
            h.createUpdate("INSERT INTO recovery_code (id, code_hash, created_at) VALUES (1, :hash, :now)")
                    .bind("hash", codeHash).bind("now", now()).execute();
            db.about("account", id, "name", "role", "password", "recoveryCode");
            return null;
            });
        } catch (RuntimeException e) {
            use(before);
            throw e;
        }
        rewrap();
        db.actAs(new Session(clean, Role.ADMINISTRATOR));
        return code;
    }

    /**
     * Signs in: the session becomes this operator's. A wrong password, an unknown name, a disabled or
     * locked account are refused with what to do, and recorded in the trail.
     */
    public SignedIn signIn(String name, char[] password) {
        OffsetDateTime now = now();
        Optional<java.time.Instant> lock = guard.lockedUntil(name, now.toInstant());
        if (lock.isPresent()) {
            throw locked(lock.get(), clock.getZone()); // before any hashing: a locked login costs nothing to refuse
        }
        Optional<Row> found = find(name);
        if (found.isEmpty()) {
            passwords.verify(password, DUMMY); // the same time as for a real account: no guessing names by speed
            return failed(name, Session.NOBODY, "", now, "unknown");
        }
        Row r = found.get();
        Session who = new Session(r.name(), r.role());
        if (!r.active()) {
            db.writeAs(who, "signin.failed", h -> {
                db.about("account", r.id(), "disabled");
                return null;
            });
            throw new AccountException("account.signin.disabled", r.name());
        }
        // the identity opens on a second thread while the password is checked: two Argon2id at the time of one
        java.util.concurrent.CompletableFuture<Optional<Identity>> opening = opening(r.name(), password);
        id.berkasdesa.common.Trace.mark("signin-found");
        if (!passwords.verify(password, r.hash())) {
            return failed(r.name(), who, r.id(), now, "password");
        }
        id.berkasdesa.common.Trace.mark("signin-password");
        Optional<Identity> opened = opening.join();
        id.berkasdesa.common.Trace.mark("signin-identity");
        boolean bootstrap = identities.sealing() && r.signKey() == null && r.role() == Role.ADMINISTRATOR
                && !db.read(AccountService::signing);
        Identity mine;
        if (bootstrap) {
            // a store from before signing, its first Administrator's sign-in: the certifying key is made now
            SigningKey root = SigningKey.generate();
            mine = new Identity(SigningKey.generate(), root.publicText(), root, null);
            identities.seal(r.name(), password, r.hash(), mine);
        } else if (r.signKey() != null) {
            mine = opened.filter(i -> i.own().publicText().equals(r.signKey())
                    && SigningKey.verifies(i.rootPublic(), r.line(), r.cert())).orElse(null);
            if (mine == null) {
                // the password hash, the role or the key in the store are not what the certifying key signed
                db.writeAs(who, "signin.failed", h -> {
                    db.about("account", r.id(), "tampered");
                    return null;
                });
                throw new AccountException("account.signin.tampered", r.name());
            }
        } else {
            mine = null; // an account from before signing: its work is recorded unsigned until it gets a key
        }
        use(mine);
        recordPending();
        id.berkasdesa.common.Trace.mark("signin-pending");
        String rehash = passwords.weakerThanNow(r.hash()) ? passwords.hash(password) : null;
        if (rehash != null) {
            wraps.wrap(r.name(), rehash);
            if (mine != null) {
                identities.seal(r.name(), password, rehash, mine); // the seal at the new cost too, beside the old until saved
            }
        }
        db.writeAs(who, "signin.ok", h -> {
            h.createUpdate("""
                    UPDATE operator_account SET failed_count = 0, lock_count = 0, locked_until = NULL, last_sign_in = :now
                    WHERE id = :id""").bind("now", now).bind("id", r.id()).execute();
            if (rehash != null) {
                h.createUpdate("UPDATE operator_account SET password_hash = :hash WHERE id = :id")
                        .bind("hash", rehash).bind("id", r.id()).execute();
            }
            if (bootstrap) {
                anchor(h, mine.root());
                giveKey(h, mine.root(), r.id(), mine.own());
                for (Row other : rows(h, "")) {
                    certify(h, mine.root(), other.id());
                }
            }
            db.about("account", r.id(), rehash == null ? List.of("lastSignIn") : List.of("lastSignIn", "password"));
            return null;
        });
        guard.succeeded(r.name());
        if (rehash != null) {
            rewrap();
        }
        db.actAs(who);
        return new SignedIn(who, r.mustChange());
    }

    /** A wrong password (or name): counted, recorded in the trail, and the login locked at the fifth in a row. */
    private SignedIn failed(String name, Session who, Object id, OffsetDateTime now, String field) {
        Optional<java.time.Instant> lock = guard.failed(name, now.toInstant(), true);
        db.writeAs(who, "signin.failed", h -> {
            db.about("account", id, field);
            return null;
        });
        if (lock.isPresent()) {
            db.writeAs(who, "signin.locked", h -> {
                db.about("account", id, "lockedUntil");
                return null;
            });
            throw locked(lock.get(), clock.getZone());
        }
        throw new AccountException("account.signin.wrong");
    }

    /**
     * The failures the store could not record when they happened (a wrong password does not open an
     * encrypted store) go into the trail now, each as its own entry with its own time, under the
     * account it names, or as an unknown name.
     */
    private void recordPending() {
        List<SignInGuard.Pending> pending = guard.pending();
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Row> byLogin = new java.util.HashMap<>();
        db.read(h -> rows(h, "")).forEach(r -> byLogin.put(guard.id(r.name()), r));
        String recovery = guard.id(SignInGuard.RECOVERY);
        for (SignInGuard.Pending p : pending) {
            Row r = byLogin.get(p.login());
            Session who = r == null ? Session.NOBODY : new Session(r.name(), r.role());
            db.writeAs(who, p.action(), h -> {
                db.happenedAt(p.instant());
                String field = p.action().equals("signin.locked") ? "lockedUntil"
                        : r != null ? "password" : p.login().equals(recovery) ? "recoveryCode" : "unknown";
                db.about("account", r == null ? "" : r.id(), field);
                return null;
            });
            guard.recorded(p);
        }
    }

    /** The refusal of a locked login, saying until when (local time and date). */
    public static AccountException locked(java.time.Instant until, java.time.ZoneId zone) {
        java.time.ZonedDateTime local = until.atZone(zone);
        return new AccountException("account.signin.locked",
                String.format(Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute()),
                id.berkasdesa.common.DateText.format(local.toLocalDate()));
    }

    /** Every account (Administrator). */
    public List<Account> list() {
        db.require("operator.list");
        return db.read(h -> rows(h, "").stream().map(Row::account).toList());
    }

    /** A new account and the first password the app made for it, to be handed over once. */
    public record Created(Account account, String password) {
    }

    /**
     * A new account with a first password made by the app (the Administrator hands it over and never
     * chooses it); the user must change it at the first sign-in.
     */
    public Created addWithNewPassword(String name, Role role) {
        String password = fresh(name);
        return new Created(add(name, role, password.toCharArray()), password);
    }

    /** A new first password made by the app for {@code name}; they must change it at the next sign-in. @return it */
    public String resetWithNewPassword(String name) {
        String password = fresh(name);
        resetPassword(name, password.toCharArray());
        return password;
    }

    /** A made-up password that passes the checks for {@code name} (a rare weak draw is drawn again). */
    private String fresh(String name) {
        List<String> own = new java.util.ArrayList<>(ownWords.get());
        own.add(name);
        String p = Passwords.generate();
        while (Passwords.problem(p.toCharArray(), own).isPresent()) {
            p = Passwords.generate();
        }
        return p;
    }

    /** A new account with a first password set by the Administrator: the user must change it at sign-in. */
    public Account add(String name, Role role, char[] password) {
        db.require("operator.add");
        checkRole(role);
        String clean = checkName(name);
        checkPassword(password, clean);
        String hash = passwords.hash(password);
        UUID id = UUID.randomUUID();
        if (find(clean).isPresent()) {
            throw new AccountException("account.exists", clean);
        }
        wraps.wrap(clean, hash);
        SigningKey root = certifying();
        SigningKey own = root == null ? null : SigningKey.generate();
        if (own != null) {
            identities.seal(clean, password, hash, new Identity(own, root.publicText(),
                    role == Role.ADMINISTRATOR ? root : null, null));
        }
        db.write("operator.add", h -> {
            if (byKey(h, clean).isPresent()) {
                throw new AccountException("account.exists", clean);
            }
            insert(h, id, clean, role, hash, true);
            if (own != null) {
                giveKey(h, root, id, own);
            }
            db.about("account", id, "name", "role", "password");
            return null;
        });
        rewrap();
        return new Account(id, clean, role, true, true, null);
    }

    /** Disables an account (it stays, named by the trail); never the last active Administrator. */
    public void disable(String name) {
        db.require("operator.disable");
        db.write("operator.disable", h -> {
            Row r = byKey(h, name).orElseThrow(() -> new AccountException("account.unknown", name.strip()));
            if (r.role() == Role.ADMINISTRATOR && r.active() && activeAdministrators(h) <= 1) {
                throw new AccountException("account.lastAdministrator", r.name());
            }
            h.createUpdate("UPDATE operator_account SET active = FALSE WHERE id = :id").bind("id", r.id()).execute();
            certifyIfAble(h, r.id());
            db.about("account", r.id(), "active");
            return null;
        });
        rewrap(); // their password no longer opens the store
    }

    /**
     * Gives an account another role (Administrator), recorded in the trail; never takes the role of
     * the last active Administrator. The same role again changes nothing.
     */
    public Optional<String> changeRole(String name, Role role) {
        db.require("operator.role");
        checkRole(role);
        Row known = find(name).orElseThrow(() -> new AccountException("account.unknown", name.strip()));
        SigningKey root = certifying();
        // an Administrator's password must open the certifying key: the app gives them a new one it seals it under
        boolean newPassword = role == Role.ADMINISTRATOR && known.role() != role && root != null;
        String password = newPassword ? fresh(known.name()) : null;
        String hash = newPassword ? passwords.hash(password.toCharArray()) : null;
        SigningKey own = newPassword ? SigningKey.generate() : null;
        if (newPassword) {
            if (known.active()) {
                wraps.wrap(known.name(), hash);
            }
            identities.seal(known.name(), password.toCharArray(), hash, new Identity(own, root.publicText(), root, null));
        }
        db.write("operator.role", h -> {
            Row r = byKey(h, name).orElseThrow(() -> new AccountException("account.unknown", name.strip()));
            if (r.role() == role) {
                db.nothingDone();
                return null;
            }
            if (r.role() == Role.ADMINISTRATOR && r.active() && activeAdministrators(h) <= 1) {
                throw new AccountException("account.lastAdministrator", r.name());
            }
            h.createUpdate("UPDATE operator_account SET role = :role WHERE id = :id").bind("role", role.name())
                    .bind("id", r.id()).execute();
            if (newPassword) {
                setPassword(h, r.id(), hash, true);
                giveKey(h, root, r.id(), own);
                db.about("account", r.id(), "role", "password", "mustChange");
            } else {
                certifyIfAble(h, r.id());
                db.about("account", r.id(), "role");
            }
            return null;
        });
        if (newPassword) {
            rewrap();
        }
        return Optional.ofNullable(password);
    }

    /** A new password set by the Administrator; the user must choose their own at the next sign-in. */
    public void resetPassword(String name, char[] password) {
        db.require("operator.reset");
        checkPassword(password, name);
        String hash = passwords.hash(password);
        Row known = find(name).orElseThrow(() -> new AccountException("account.unknown", name.strip()));
        if (known.active()) {
            wraps.wrap(known.name(), hash);
        }
        SigningKey root = certifying();
        SigningKey own = root == null ? null : SigningKey.generate();
        if (own != null) {
            identities.seal(known.name(), password, hash, new Identity(own, root.publicText(),
                    known.role() == Role.ADMINISTRATOR ? root : null, null));
        }
        db.write("operator.reset", h -> {
            Row r = byKey(h, name).orElseThrow(() -> new AccountException("account.unknown", name.strip()));
            setPassword(h, r.id(), hash, true);
            if (own != null) {
                giveKey(h, root, r.id(), own);
            }
            db.about("account", r.id(), "password", "mustChange");
            return null;
        });
        rewrap();
    }

    /** The signed-in user's own new password. */
    public void changeOwnPassword(char[] password) {
        db.require("operator.password");
        checkPassword(password, db.session().operator());
        String hash = passwords.hash(password);
        String me = db.session().operator();
        Row mine = find(me).orElseThrow(() -> new AccountException("account.unknown", me));
        if (passwords.verify(password, mine.hash())) {
            throw new AccountException("account.password.same");
        }
        wraps.wrap(me, hash);
        Identity mineNow = identity;
        if (mineNow != null) {
            identities.seal(me, password, hash, mineNow);
        }
        db.write("operator.password", h -> {
            Row r = byKey(h, me).orElseThrow(() -> new AccountException("account.unknown", me));
            setPassword(h, r.id(), hash, false);
            db.about("account", r.id(), "password");
            return null;
        });
        rewrap();
    }

    /**
     * Resets the first Administrator's password with the recovery code (typed with spaces or in lower
     * case is fine) and unlocks the account. @return the Administrator's name
     */
    public String recover(String typedCode, char[] password) {
        checkPassword(password, "");
        Optional<String> code = RecoveryCode.normalize(typedCode);
        String codeHash = db.read(h -> h.createQuery("SELECT code_hash FROM recovery_code WHERE id = 1")
                .mapTo(String.class).findOne()).orElseThrow(() -> new AccountException("account.recover.none"));
        Optional<java.time.Instant> lock = guard.lockedUntil(SignInGuard.RECOVERY, clock.instant());
        if (lock.isPresent()) {
            throw locked(lock.get(), clock.getZone());
        }
        if (code.isEmpty() || !passwords.verify(code.get().toCharArray(), codeHash)) {
            Optional<java.time.Instant> locks = guard.failed(SignInGuard.RECOVERY, clock.instant(), true);
            db.writeAs(Session.NOBODY, "signin.failed", h -> {
                db.about("account", "", "recoveryCode");
                return null;
            });
            if (locks.isPresent()) {
                throw locked(locks.get(), clock.getZone());
            }
            throw new AccountException("account.recover.wrong");
        }
        guard.succeeded(SignInGuard.RECOVERY);
        String hash = passwords.hash(password);
        Optional<Row> first = db.read(h -> rows(h, "WHERE role = 'ADMINISTRATOR' AND active").stream().findFirst());
        first.ifPresent(admin -> wraps.wrap(admin.name(), hash));
        // the recovery code opens the certifying key: the Administrator gets a new signing key under the new password
        Optional<Identity> rootIdentity = identities.openRecovery(code.get());
        SigningKey own = rootIdentity.isPresent() ? SigningKey.generate() : null;
        if (own != null && first.isPresent()) {
            SigningKey root = rootIdentity.get().root();
            identities.seal(first.get().name(), password, hash, new Identity(own, root.publicText(), root, null));
        }
        signer.accept(rootIdentity.map(Identity::own).orElse(null));
        String name;
        try {
            name = db.writeAs(Session.NOBODY, "operator.recover", h -> {
            Row admin = rows(h, "WHERE role = 'ADMINISTRATOR' AND active").stream().findFirst()
                    .orElseThrow(() -> new AccountException("account.recover.none"));
            setPassword(h, admin.id(), hash, false);
            if (own != null && admin.id().equals(first.map(Row::id).orElse(null))) {
                giveKey(h, rootIdentity.get().root(), admin.id(), own);
            }
            h.createUpdate("UPDATE operator_account SET failed_count = 0, lock_count = 0, locked_until = NULL WHERE id = :id")
                    .bind("id", admin.id()).execute();
            db.about("account", admin.id(), "password", "lockedUntil");
            return admin.name();
            });
        } finally {
            signer.accept(identity == null ? null : identity.own());
        }
        guard.succeeded(name);
        rewrap();
        return name;
    }

    /**
     * Brings the key file's wraps in line with the store: one per active account's password, one for
     * the recovery code. The wiring runs it after every opening; the changes above run it themselves.
     */
    public void rewrap() {
        Map<String, String> active = new java.util.LinkedHashMap<>();
        String[] recovery = {null};
        db.read(h -> {
            rows(h, "WHERE active").forEach(r -> active.put(r.name(), r.hash()));
            recovery[0] = h.createQuery("SELECT code_hash FROM recovery_code WHERE id = 1").mapTo(String.class)
                    .findOne().orElse(null);
            return null;
        });
        wraps.keepOnly(active, recovery[0]);
    }

    /** Forgets who was signed in (Keluar). */
    public void signOut() {
        checkpoint();
        use(null);
        db.actAs(Session.NOBODY);
    }

    /**
     * Seals the newest trail entry into the signed-in person's identity (at sign-out and when the
     * store closes): a trail cut below it is named at their next sign-in, by {@code check} and by
     * {@code audit verify}.
     */
    public void checkpoint() {
        Identity mine = identity;
        String me = db.session().operator();
        if (mine == null || me.isEmpty()) {
            return;
        }
        db.read(h -> h.createQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .map((rs, ctx) -> new Identity.Head(rs.getLong(1), rs.getString(2).strip())).findOne())
                .ifPresent(head -> identities.reseal(me, mine.withHead(head)));
    }

    /** What the signed-in person's password opened (the anchor of {@code audit.TrailTrust}); empty for none. */
    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** Who is told whose key signs the trail (the wiring: the journal). */
    public void signer(java.util.function.Consumer<SigningKey> s) {
        this.signer = s;
        s.accept(identity == null ? null : identity.own());
    }

    private void use(Identity mine) {
        identity = mine;
        signer.accept(mine == null ? null : mine.own());
    }

    /** The identity opening on a second thread, with its own copy of the password; empty at once for none. */
    private java.util.concurrent.CompletableFuture<Optional<Identity>> opening(String name, char[] password) {
        if (!identities.has(name)) {
            return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
        }
        char[] copy = password.clone();
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return identities.open(name, copy);
            } finally {
                java.util.Arrays.fill(copy, '\0');
            }
        });
    }

    /** The certifying key, when the signed-in person holds it (an Administrator); null otherwise. */
    private SigningKey certifying() {
        Identity mine = identity;
        return mine == null ? null : mine.root();
    }

    /** Whether this store signs its trail already (it has a certifying key). */
    private static boolean signing(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM trust_root").mapTo(Long.class).one() > 0;
    }

    /** The number the unit of work's own trail entry will get. */
    private static long nextSeq(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_entry").mapTo(Long.class).one();
    }

    /** The certifying key, and the first entry that must be signed: this unit of work's own. */
    private static void anchor(Handle h, SigningKey root) {
        long from = nextSeq(h);
        h.createUpdate("INSERT INTO trust_root (id, public_key, signed_from, signature) VALUES (1, :key, :from, :sig)")
                .bind("key", root.publicText()).bind("from", from)
                .bind("sig", root.sign(TrustLines.root(root.publicText(), from))).execute();
    }

    /** {@code own} becomes the account's signing key from this unit of work's entry on, certified. */
    private static void giveKey(Handle h, SigningKey root, UUID account, SigningKey own) {
        long since = nextSeq(h);
        h.createUpdate("UPDATE operator_account SET sign_key = :key WHERE id = :id").bind("key", own.publicText())
                .bind("id", account).execute();
        h.createUpdate("""
                INSERT INTO account_key (key_id, account_id, public_key, since_seq, cert)
                VALUES (:keyId, :account, :key, :since, :cert)""")
                .bind("keyId", own.id()).bind("account", account).bind("key", own.publicText()).bind("since", since)
                .bind("cert", root.sign(TrustLines.key(own.id(), account.toString(), own.publicText(), since))).execute();
        certify(h, root, account);
    }

    /** The account's line as it now is, signed by the certifying key. */
    private static void certify(Handle h, SigningKey root, UUID account) {
        Row r = h.createQuery(SELECT + " WHERE id = :id").bind("id", account).map(AccountService::row).one();
        h.createUpdate("UPDATE operator_account SET cert = :cert WHERE id = :id").bind("cert", root.sign(r.line()))
                .bind("id", account).execute();
    }

    private void certifyIfAble(Handle h, UUID account) {
        SigningKey root = certifying();
        if (root != null) {
            certify(h, root, account);
        }
    }

    private static final String DUMMY =
            "$argon2id$v=19$m=47104,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new AccountException("account.name.empty");
        }
        if (clean.length() > MAX_NAME) {
            throw new AccountException("account.name.long", MAX_NAME);
        }
        return clean;
    }

    /** The village's and the office's names, which no password may contain (from the wiring). */
    private java.util.function.Supplier<List<Role>> roles = () -> Role.VILLAGE;

    /** The roles this store's accounts may have (a village's or a Dinas Sosial's); the wiring tells. */
    public void roles(java.util.function.Supplier<List<Role>> storeRoles) {
        this.roles = storeRoles;
    }

    /** The roles an account of this store may be given, in the forms' order. */
    public List<Role> roles() {
        return roles.get();
    }

    private void checkRole(Role role) {
        if (!roles.get().contains(role)) {
            throw new AccountException("account.role.notHere", role.name().toLowerCase(java.util.Locale.ROOT),
                    String.join(", ", roles.get().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList()));
        }
    }

    private java.util.function.Supplier<List<String>> ownWords = List::of;

    public void ownWords(java.util.function.Supplier<List<String>> words) {
        this.ownWords = words;
    }

    private void checkPassword(char[] password, String login) {
        List<String> own = new java.util.ArrayList<>(ownWords.get());
        own.add(login);
        Passwords.problem(password, own).ifPresent(key -> {
            throw new AccountException(key, Passwords.MIN_LENGTH);
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * Whether {@code name} is an active Administrator of {@code db} (a store being restored, before
     * anyone can sign in to it: only an Administrator may restore a backup with their password).
     */
    public static boolean isActiveAdministrator(Database db, String name) {
        return db.read(h -> byKey(h, name)).map(r -> r.active() && r.role() == Role.ADMINISTRATOR).orElse(false);
    }

    private Optional<Row> find(String name) {
        return db.read(h -> byKey(h, name));
    }

    private static long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM operator_account").mapTo(Long.class).one();
    }

    private static long activeAdministrators(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM operator_account WHERE role = 'ADMINISTRATOR' AND active")
                .mapTo(Long.class).one();
    }

    private void insert(Handle h, UUID id, String name, Role role, String hash, boolean mustChange) {
        h.createUpdate("""
                INSERT INTO operator_account (id, name, name_key, role, active, password_hash, must_change,
                    failed_count, lock_count, created_at)
                VALUES (:id, :name, :key, :role, TRUE, :hash, :must, 0, 0, :now)""")
                .bind("id", id).bind("name", name).bind("key", key(name)).bind("role", role.name())
                .bind("hash", hash).bind("must", mustChange).bind("now", now()).execute();
    }

    private static void setPassword(Handle h, UUID id, String hash, boolean mustChange) {
        h.createUpdate("UPDATE operator_account SET password_hash = :hash, must_change = :must WHERE id = :id")
                .bind("hash", hash).bind("must", mustChange).bind("id", id).execute();
    }

    private static Optional<Row> byKey(Handle h, String name) {
        return h.createQuery(SELECT + " WHERE name_key = :key").bind("key", key(name)).map(AccountService::row).findOne();
    }

    private static List<Row> rows(Handle h, String where) {
        return h.createQuery(SELECT + " " + where + " ORDER BY created_at, name_key").map(AccountService::row).list();
    }

    private static final String SELECT = """
            SELECT id, name, role, active, password_hash, must_change, failed_count, lock_count, locked_until,
                   last_sign_in, sign_key, cert FROM operator_account""";

    private static Row row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getBoolean(4),
                rs.getString(5), rs.getBoolean(6), rs.getInt(7), rs.getInt(8), rs.getObject(9, OffsetDateTime.class),
                rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getString(12));
    }
}
