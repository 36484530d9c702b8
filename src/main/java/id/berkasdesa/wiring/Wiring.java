package id.berkasdesa.wiring;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.account.KeyWraps;
import id.berkasdesa.account.Passwords;
import id.berkasdesa.account.SignInGuard;
import id.berkasdesa.audit.AuditJournal;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.bundle.DistrictKeyService;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one composition root: every service of a data folder, built once, in one place, for the app's
 * window, every command and the tests (an architecture test keeps constructors of services out of
 * every other class). Later it also takes the store's key and the signed-in operator.
 */
public final class Wiring implements AutoCloseable {

    private final Database db;
    private final Wilayah wilayah;
    private final HouseholdService households;
    private final VillageService villages;
    private final DocumentService documents;
    private final RequestService requests;
    private final BundleService bundles;
    private final ResponseService responses;
    private final AccountService accounts;
    private final AuditService audit;
    private final id.berkasdesa.backup.BackupService backups;
    private final id.berkasdesa.imports.ImportService imports;
    private final id.berkasdesa.pbi.PbiService pbi;
    private final id.berkasdesa.letter.LetterService letters;

    private final KeyRing keys;
    private final DistrictKeyService districtKeys;
    private KeyPair ephemeralVillageKeys;
    private final id.berkasdesa.dinas.DinasService dinas;
    private final id.berkasdesa.dinas.DecisionService decisions;
    private final id.berkasdesa.dinas.AnswerService answers;
    private final id.berkasdesa.dinas.RecapService recaps;
    private final id.berkasdesa.dinas.ReactivationLetterService reactivationLetters;
    private KeyPair ephemeralOfficeKeys;

    private Wiring(Database db, Wilayah wilayah, Clock clock, String appVersion, Passwords.Cost cost, KeyRing keys) {
        this.db = db;
        this.wilayah = wilayah;
        this.keys = keys;
        AuditJournal journal = new AuditJournal(clock);
        db.journal(journal);
        SettingsStore settings = new SettingsStore(db);
        this.villages = new VillageService(db, clock, settings);
        this.accounts = new AccountService(db, new Passwords(cost), settings, clock, wraps(keys, this::storeName),
                guard(db.dataDir(), keys), identities(keys));
        accounts.signer(journal::signWith);
        accounts.ownWords(() -> villages.profile().map(p -> java.util.List.of(p.namaDesa(), p.namaKantor()))
                .orElseGet(() -> dinas().office().map(o -> java.util.List.of(o.kabupatenName(), o.officeName()))
                        .orElse(java.util.List.of())));
        this.audit = new AuditService(db, accounts::identity);
        this.households = new HouseholdService(db, wilayah, clock);
        this.documents = new DocumentService(db, settings, clock);
        this.requests = new RequestService(db, households, documents, settings, clock);
        this.districtKeys = new DistrictKeyService(db, clock);
        this.bundles = new BundleService(db, requests, households, documents, villages, audit, wilayah, clock,
                appVersion, districtKeys, this::villageKeys);
        this.responses = new ResponseService(db, requests, documents, villages, clock, districtKeys, this::villageKeys);
        // a district's backup is named by its kabupaten's code and office, as a village's by its own
        this.backups = new id.berkasdesa.backup.BackupService(db, () -> villages.profile().or(() -> dinas().office()
                .map(o -> new VillageProfile(o.kabupaten(), o.kabupatenName(), o.officeName(), "", false))),
                keys, settings, clock, appVersion);
        backups.anchor(accounts::identity);
        this.imports = new id.berkasdesa.imports.ImportService(db, households, villages);
        this.pbi = new id.berkasdesa.pbi.PbiService(db, settings, requests::policy, clock);
        this.letters = new id.berkasdesa.letter.LetterService(db, households, documents, villages, settings, wilayah, clock,
                this::villageKeys);
        this.dinas = new id.berkasdesa.dinas.DinasService(db, clock, wilayah, this::officeKeys);
        this.decisions = new id.berkasdesa.dinas.DecisionService(db, clock);
        this.answers = new id.berkasdesa.dinas.AnswerService(db, clock, this::officeKeys);
        this.recaps = new id.berkasdesa.dinas.RecapService(db, clock);
        this.reactivationLetters = new id.berkasdesa.dinas.ReactivationLetterService(db, clock, this::officeKeys, dinas);
        accounts.roles(() -> dinas.office().isPresent() ? Role.DISTRICT : Role.VILLAGE);
        actAsVillageOperator();
    }

    /**
     * Opens the store of {@code dataDir} when no password is needed (the area codes load meanwhile on
     * a second thread) and wires it; the caller closes it. A new folder gets a new encrypted store; a
     * store from before encryption is encrypted first ({@link StoreEncryption}); a store whose key an
     * Administrator has claimed needs {@link #unlock} instead.
     *
     * @throws id.berkasdesa.db.StoreException when the store cannot be opened ("store.locked" when it
     *     needs a password)
     */
    public static Wiring open(Path dataDir, Clock clock) {
        return open(dataDir, clock, CompletableFuture.supplyAsync(Wilayah::load));
    }

    /** A data folder with nothing in it yet: its first start makes the key and the store (two file lookups). */
    public static boolean isNew(Path dataDir) {
        return !java.nio.file.Files.exists(KeyRing.file(dataDir)) && !Database.exists(dataDir);
    }

    private static volatile id.berkasdesa.db.Server server;

    /**
     * From now on this process works on an office's database server: its store is there, and so is
     * its key ring (copied into {@code dataDir}, this PC's work folder for the server, before each
     * opening, and written back whenever it changes).
     */
    public static void useServer(id.berkasdesa.db.Server s) {
        server = s;
        KeyRing.mirror(s == null ? null : (file, json) -> s.saveKeyRing(json));
    }

    /** Where the store lies, for the status bar: the server's address, or empty for a store in its data folder. */
    public static java.util.Optional<String> serverName() {
        id.berkasdesa.db.Server s = server;
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.toString());
    }

    /**
     * Before a window or a command on an office's server: this PC's copy of the key ring made the
     * server's, so that the window's first look ({@link #isNew}, two file lookups on the FX thread)
     * sees what the server has.
     */
    public static void prepare(Path dataDir) {
        pullKeyRing(dataDir);
    }

    /** On a server: this PC's copy of the key ring made the server's (or removed, for a new office). */
    private static void pullKeyRing(Path dataDir) {
        id.berkasdesa.db.Server s = server;
        if (s == null) {
            return;
        }
        Path file = KeyRing.file(dataDir);
        try {
            java.util.Optional<byte[]> ring = s.keyRing();
            if (ring.isPresent()) {
                java.nio.file.Files.createDirectories(dataDir);
                if (!java.nio.file.Files.exists(file) || !java.util.Arrays.equals(java.nio.file.Files.readAllBytes(file), ring.get())) {
                    id.berkasdesa.common.AtomicFile.writePrivate(file, out -> out.write(ring.get()));
                }
            } else {
                java.nio.file.Files.deleteIfExists(file); // the work folder is the server's alone (Server.Address.workDir)
            }
        } catch (java.io.IOException e) {
            throw new StoreException("store.error.folder", e, dataDir.toString());
        }
    }

    /** The same with the area codes on their way (read once per process: a new folder's setup has them already). */
    private static Wiring open(Path dataDir, Clock clock, CompletableFuture<Wilayah> wilayah) {
        KeyRing.State state = lockState(dataDir);
        if (state == KeyRing.State.NONE && Database.plainExists(dataDir)) {
            StoreEncryption.Opened opened = StoreEncryption.run(dataDir, clock);
            return wire(opened.db(), clock, wilayah, opened.keys());
        }
        KeyRing keys = switch (state) {
            case CLAIMED -> throw new StoreException("store.locked", null);
            case UNCLAIMED -> KeyRing.openUnclaimed(dataDir);
            case NONE -> newKey(dataDir);
        };
        return wire(dataDir, clock, wilayah, keys);
    }

    /**
     * Opens a store whose key only a password opens: {@code name}'s password unwraps it. Nobody is
     * signed in yet: the caller signs in with the same name and password (which the store checks
     * again, and records).
     *
     * @throws id.berkasdesa.keys.KeyException "account.signin.wrong" for a wrong name or password
     */
    public static Wiring unlock(Path dataDir, Clock clock, String name, char[] password) {
        lockState(dataDir);
        id.berkasdesa.common.Trace.mark("unlock-start");
        KeyRing keys = guarded(dataDir, clock, name, "account.signin.wrong", () -> {
            // past the lock's check: the sign-in's Argon2id of the password with the account's hash's salt,
            // beside the key file's own on the second core (the seal records that salt and cost, never the hash)
            List<String> sealHashes = KeyRing.sealHashes(dataDir, name);
            CompletableFuture<Void> ahead = sealHashes.size() == 1
                    ? CompletableFuture.runAsync(() -> Passwords.deriveAhead(password, sealHashes.get(0)))
                    : CompletableFuture.completedFuture(null);
            try {
                return KeyRing.unlock(dataDir, name, password);
            } finally {
                ahead.join();
            }
        });
        id.berkasdesa.common.Trace.mark("unlock-keyring");
        CompletableFuture<Wilayah> wilayah = CompletableFuture.supplyAsync(Wilayah::load);
        return wire(dataDir, clock, wilayah, keys);
    }

    /**
     * Unwraps the key unless {@code login} is locked (refused before any hashing); a wrong secret is
     * counted outside the store, which cannot record it, and locks the login at the fifth in a row.
     */
    private static KeyRing guarded(Path dataDir, Clock clock, String login, String wrongKey,
            java.util.function.Supplier<KeyRing> unwrap) {
        SignInGuard guard = SignInGuard.inFolder(dataDir, KeyRing.storeIdOf(dataDir).orElse(""));
        java.util.Optional<java.time.Instant> lock = guard.lockedUntil(login, clock.instant());
        if (lock.isPresent()) {
            throw AccountService.locked(lock.get(), clock.getZone());
        }
        try {
            return unwrap.get();
        } catch (id.berkasdesa.keys.KeyException e) {
            if (e.key().equals(wrongKey)) {
                guard.failed(login, clock.instant(), false).ifPresent(until -> {
                    throw AccountService.locked(until, clock.getZone());
                });
            }
            throw e;
        }
    }

    private static SignInGuard guard(Path dataDir, KeyRing keys) {
        return keys == null ? SignInGuard.inMemory() : SignInGuard.inFolder(dataDir, keys.storeId());
    }

    private static volatile boolean warmUpStopped;

    /**
     * The sign-in's path, once, in a temporary folder deleted after (no data, no real key): a
     * throwaway key file unlocked ({@link KeyRing#warmUp}), then a new empty store under its key with
     * the home screen's queries — the encrypted file, the schema's migrations, the services and the
     * dashboard's SQL objects are then loaded and compiled when the real store's numbers are read.
     */
    private static void signInOnThrowawayStore() throws java.io.IOException {
        Path tmp = java.nio.file.Files.createTempDirectory("berkas-desa-pemanasan");
        try {
            id.berkasdesa.keys.StoreKey key = KeyRing.warmUp(tmp);
            id.berkasdesa.common.Trace.mark("warmup-keys");
            if (warmUpStopped) {
                return;
            }
            try (Database db = Database.throwaway(tmp, key)) {
                Wiring w = of(db, Wilayah.load(), Clock.systemDefaultZone(), BuildInfo.current().version());
                w.requests().dashboard();
                w.villages().usesRw();
            }
        } finally {
            id.berkasdesa.common.Folders.delete(tmp);
        }
    }

    /** The password was entered: what the warm-up has not begun yet is left to the unlock itself. */
    public static void stopWarmUp() {
        warmUpStopped = true;
    }

    /**
     * While the sign-in waits for a password: the code the unlock runs is loaded and compiled on a
     * low-priority thread of its own, in the order Enter needs it — the key file's cryptography, then
     * the encrypted store, its services and the home screen's queries, all on throwaway files in a
     * temporary folder ({@link #signInOnThrowawayStore}) — so that Enter costs the password's hash and
     * the store's own work, not a cold JVM. Touches no data; a failure changes nothing (the sign-in
     * then loads it itself).
     */
    public static void warmUp() {
        warmUpStopped = false;
        Thread t = new Thread(() -> {
            try {
                id.berkasdesa.common.Trace.mark("warmup-start");
                signInOnThrowawayStore();
                id.berkasdesa.common.Trace.mark("warmup-done");
            } catch (Exception | LinkageError e) {
                // the sign-in loads what it needs anyway
            }
        }, "warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The same with the recovery code (the caller then sets the Administrator's new password with it). */
    public static Wiring unlockWithRecovery(Path dataDir, Clock clock, String typedCode) {
        lockState(dataDir);
        String code = id.berkasdesa.account.RecoveryCode.normalize(typedCode)
                .orElseThrow(() -> new id.berkasdesa.keys.KeyException("account.recover.wrong", null));
        KeyRing keys = guarded(dataDir, clock, SignInGuard.RECOVERY, "account.recover.wrong",
                () -> KeyRing.unlockWithRecovery(dataDir, code));
        CompletableFuture<Wilayah> wilayah = CompletableFuture.supplyAsync(Wilayah::load);
        return wire(dataDir, clock, wilayah, keys);
    }

    /**
     * Whether the store of {@code dataDir} needs a password (or the recovery code) to open; finishes
     * what an interrupted first encryption left to clear (the plain files it replaced).
     */
    public static boolean needsPassword(Path dataDir) {
        return lockState(dataDir) == KeyRing.State.CLAIMED;
    }

    /** The village a locked store belongs to, as its key file names it (for the sign-in screen). */
    public static java.util.Optional<String> lockedVillage(Path dataDir) {
        return KeyRing.village(dataDir);
    }

    /** Whose a locked store is and whether it is a Dinas Sosial's, as its key file says (one read, for the sign-in screen). */
    public static KeyRing.Named lockedStore(Path dataDir) {
        return KeyRing.named(dataDir);
    }

    private static KeyRing.State lockState(Path dataDir) {
        pullKeyRing(dataDir);
        id.berkasdesa.backup.Restore.finish(dataDir); // a restore a kill interrupted: swapped in, or dropped
        KeyRing.State state = KeyRing.state(dataDir);
        if (state != KeyRing.State.NONE) {
            StoreEncryption.finish(dataDir);
        } else if (!Database.plainExists(dataDir) && Database.exists(dataDir)) {
            throw new StoreException("store.error.keyMissing", null, KeyRing.file(dataDir).toString());
        }
        return state;
    }

    private static KeyRing newKey(Path dataDir) {
        KeyRing keys = KeyRing.generate(dataDir);
        keys.save();
        return keys;
    }

    private static Wiring wire(Path dataDir, Clock clock, CompletableFuture<Wilayah> wilayah, KeyRing keys) {
        id.berkasdesa.db.Server s = server;
        Database db = s == null ? Database.open(dataDir, keys.key()) : Database.onPostgres(s.source(), dataDir, keys.key());
        id.berkasdesa.common.Trace.mark("unlock-database");
        return wire(db, clock, wilayah, keys);
    }

    private static Wiring wire(Database db, Clock clock, CompletableFuture<Wilayah> wilayah, KeyRing keys) {
        try {
            Wiring w = new Wiring(db, wilayah.join(), clock, BuildInfo.current().version(), Passwords.Cost.forThisRun(), keys);
            w.accounts.rewrap();
            id.berkasdesa.common.Trace.mark("unlock-wired");
            return w;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Wires a store that is already open (tests that open, kill and reopen stores themselves). */
    public static Wiring of(Database db, Wilayah wilayah, Clock clock, String appVersion) {
        return new Wiring(db, wilayah, clock, appVersion, Passwords.Cost.forThisRun(), null);
    }

    /** The key file's side of account changes; on a plain store (tests of the database alone), none. */
    /** Each person's identity, sealed in the key file (none for a store opened without one). */
    static id.berkasdesa.account.Identities identities(KeyRing keys) {
        if (keys == null) {
            return id.berkasdesa.account.Identities.NONE;
        }
        return new id.berkasdesa.account.Identities() {
            @Override
            public boolean has(String name) {
                return keys.hasSeal(name);
            }

            @Override
            public java.util.Optional<id.berkasdesa.keys.Identity> open(String name, char[] password) {
                return keys.openSeal(name, password);
            }

            @Override
            public void seal(String name, char[] password, String phcForCost, id.berkasdesa.keys.Identity identity) {
                keys.seal(name, password, phcForCost, identity);
            }

            @Override
            public java.util.Optional<id.berkasdesa.keys.Identity> openRecovery(String normalizedCode) {
                return keys.openRecoverySeal(normalizedCode);
            }

            @Override
            public void sealRecovery(String normalizedCode, String phcForCost, id.berkasdesa.keys.Identity identity) {
                keys.sealRecovery(normalizedCode, phcForCost, identity);
            }

            @Override
            public void reseal(String name, id.berkasdesa.keys.Identity identity) {
                keys.reseal(name, identity);
            }
        };
    }

    /**
     * Whose store this is, as its key file names it for the sign-in screen: "Desa — Kantor" for a
     * village (as a backup's manifest does), the office's name for a Dinas Sosial; null before either.
     */
    private String storeName() {
        return villages.profile().map(VillageProfile::nameAndOffice)
                .orElseGet(() -> dinas == null ? null : dinas.office().map(o -> o.officeName()).orElse(null));
    }

    static KeyWraps wraps(KeyRing keys, java.util.function.Supplier<String> storeName) {
        if (keys == null) {
            return KeyWraps.NONE;
        }
        return new KeyWraps() {
            @Override
            public void wrap(String name, String phc) {
                keys.wrap(name, phc);
            }

            @Override
            public void keepOnly(java.util.Map<String, String> active, String recoveryPhc) {
                keys.keepOnly(active, recoveryPhc, storeName.get());
            }
        };
    }

    /**
     * The village's key pair (made on first use and kept sealed in the key file); on a store opened
     * without a key ring (tests of the database alone) one made for this session only.
     */
    public synchronized KeyPair villageKeys() {
        VillageProfile p = villages.profile().orElseThrow(() -> new StoreException("store.error.open", null));
        if (keys != null) {
            return keys.villageKeys(p.kodeDesa(), p.namaDesa());
        }
        if (ephemeralVillageKeys == null || !ephemeralVillageKeys.publicKeys().code().equals(p.kodeDesa())) {
            ephemeralVillageKeys = KeyPair.generate("desa", p.kodeDesa(), p.namaDesa());
        }
        return ephemeralVillageKeys;
    }

    /** The Dinas Sosial's side of this store (empty office on a village's store). */
    public id.berkasdesa.dinas.DinasService dinas() {
        return dinas;
    }

    /** A Dinas Sosial's letters: a surat keterangan pengaktifan kembali per approval, the collective recommendation. */
    public id.berkasdesa.dinas.ReactivationLetterService reactivationLetters() {
        return reactivationLetters;
    }

    /** A Dinas Sosial's monthly recap per village. */
    public id.berkasdesa.dinas.RecapService recaps() {
        return recaps;
    }

    /** A Dinas Sosial's answers to the villages. */
    public id.berkasdesa.dinas.AnswerService answers() {
        return answers;
    }

    /** A Dinas Sosial's decisions in two steps. */
    public id.berkasdesa.dinas.DecisionService decisions() {
        return decisions;
    }

    /**
     * A Dinas Sosial office's key pair, made in the store on first use and sealed in the key file as a
     * village's is; on a store opened without a key ring (tests of the database alone) one for this session.
     */
    public synchronized KeyPair officeKeys() {
        return officeKeys(null);
    }

    /** The same, with a pair made before ({@code district-key new}) sealed in the store in place of a new one. */
    public synchronized KeyPair officeKeys(KeyPair given) {
        id.berkasdesa.dinas.DinasService.Office o = dinas.office()
                .orElseThrow(() -> new id.berkasdesa.dinas.DinasException("dinas.error.notDinas"));
        if (keys != null) {
            return keys.ownKeys("dinas", o.kabupaten(), o.officeName(), given);
        }
        if (given != null || ephemeralOfficeKeys == null) {
            ephemeralOfficeKeys = given != null ? given : KeyPair.generate("dinas", o.kabupaten(), o.officeName());
        }
        return ephemeralOfficeKeys;
    }

    public DistrictKeyService districtKeys() {
        return districtKeys;
    }


    /**
     * On a store without accounts (made before them, or set up in the window, which does not ask for
     * the Administrator yet), the one acting is the operator named when the village was set up, with
     * every right, as before accounts; called again when the setup changes. On a store with accounts
     * nobody acts until someone signs in.
     */
    public void actAsVillageOperator() {
        java.util.Optional<VillageProfile> village = villages.profile();
        if (village.map(VillageProfile::sample).orElse(false)) {
            // the sample village holds invented data only: in the window it needs no sign-in
            db.actAs(new Session(village.get().namaOperator(), Role.ADMINISTRATOR));
            return;
        }
        if (accounts.anyAccount()) {
            db.actAs(Session.NOBODY);
            return;
        }
        db.actAs(new Session(villages.profile().map(VillageProfile::namaOperator).orElse(""), Role.ADMINISTRATOR));
    }

    /**
     * The ids one person's data lives under in the audit trail, from their NIK: their member and
     * household ids and their requests' ids (a person's trail spans three features).
     */
    public java.util.Set<String> personIds(String nik) {
        java.util.Set<java.util.UUID> ids = new java.util.HashSet<>(households.idsOfPerson(nik.strip()));
        ids.addAll(requests.idsForMembers(ids));
        return AuditService.ids(ids);
    }

    public AccountService accounts() {
        return accounts;
    }

    public AuditService audit() {
        return audit;
    }

    public Session session() {
        return db.session();
    }

    public Database db() {
        return db;
    }

    public Wilayah wilayah() {
        return wilayah;
    }

    public HouseholdService households() {
        return households;
    }

    public VillageService villages() {
        return villages;
    }

    public DocumentService documents() {
        return documents;
    }

    public RequestService requests() {
        return requests;
    }

    public BundleService bundles() {
        return bundles;
    }

    public id.berkasdesa.backup.BackupService backups() {
        return backups;
    }

    public id.berkasdesa.imports.ImportService imports() {
        return imports;
    }

    public id.berkasdesa.letter.LetterService letters() {
        return letters;
    }

    public id.berkasdesa.pbi.PbiService pbi() {
        return pbi;
    }

    public ResponseService responses() {
        return responses;
    }

    @Override
    public void close() {
        try {
            accounts.checkpoint();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Wiring.class).warn("trail checkpoint not sealed: {}",
                    id.berkasdesa.common.SafeLog.describe(e));
        }
        db.close();
    }
}
