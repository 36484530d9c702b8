package id.berkasdesa.app;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.request.Dashboard;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import id.berkasdesa.common.SafeLog;
import id.berkasdesa.common.Trace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;
import id.berkasdesa.account.AccountService;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.backup.BackupService;
import id.berkasdesa.bundle.DistrictKeyService;
import id.berkasdesa.common.Session;
import id.berkasdesa.imports.ImportService;
import id.berkasdesa.letter.LetterService;
import id.berkasdesa.pbi.PbiService;
import java.util.Set;

/** The app's parts, wired by constructor: one store, the area codes, and the feature services. */
final class AppContext implements AutoCloseable {

    private final Wiring wiring;
    /** The home screen's numbers, read while the store opens so the first screen shows at once. */
    Dashboard initialDashboard;
    /** Whether the village has RW, read while the store opens (the KK form hides the field when not). */
    boolean usesRw = true;
    /** Read once at start; the setup changes it through {@link #reloadProfile()}. */
    private Optional<VillageProfile> profile;

    /** The Dinas Sosial this store belongs to; empty on a village's store. */
    private Optional<id.berkasdesa.dinas.DinasService.Office> office;

    private AppContext(Wiring wiring) {
        this.wiring = wiring;
        this.profile = wiring.villages().profile();
        this.office = profile.isPresent() ? Optional.empty() : wiring.dinas().office();
    }

    /**
     * Opens the store through the one wiring and reads the home screen's numbers; runs on a worker
     * thread. The document files are checked afterwards, by {@link #sweep}.
     */
    static AppContext open(Path dataDir, Clock clock) {
        return of(Wiring.open(dataDir, clock));
    }

    /** An encrypted store, opened with an account's password (nobody signed in yet); on the worker. */
    static AppContext unlock(Path dataDir, Clock clock, String name, char[] password) {
        return of(Wiring.unlock(dataDir, clock, name, password), false);
    }

    /** The same with the recovery code. */
    static AppContext unlockWithRecovery(Path dataDir, Clock clock, String code) {
        return of(Wiring.unlockWithRecovery(dataDir, clock, code), true);
    }

    /** This village's own key's fingerprint (the key is made on first use); on the worker. */
    String villageFingerprint() {
        return wiring.villageKeys().publicKeys().fingerprint();
    }

    private static AppContext of(Wiring wiring) {
        return of(wiring, true);
    }

    /**
     * @param now whether the home screen's numbers are read before this returns; otherwise they are
     *     read on a second thread while the caller signs in (the password's hash and the numbers at
     *     the time of one), and {@link #startData()} waits for them
     */
    private static AppContext of(Wiring wiring, boolean now) {
        AppContext context;
        try {
            context = new AppContext(wiring);
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
        if (context.profile.isPresent()) {
            Runnable read = () -> {
                context.initialDashboard = context.requests().dashboard();
                context.usesRw = context.villages().usesRw();
                Trace.mark("dashboard-read");
            };
            if (now) {
                read.run();
            } else {
                context.startData = CompletableFuture.runAsync(read, STARTING);
            }
        }
        return context;
    }

    /** The one thread that reads the home screen's numbers beside the sign-in (a daemon: never holds the exit). */
    private static final java.util.concurrent.Executor STARTING = r -> {
        Thread t = new Thread(r, "home-screen-numbers");
        t.setDaemon(true);
        t.start();
    };

    private CompletableFuture<Void> startData = CompletableFuture.completedFuture(null);

    /** Waits (on the worker) until the home screen's numbers are read. */
    void startData() {
        id.berkasdesa.common.Futures.join(startData);
    }

    /**
     * Checks the document files, clearing what an interrupted attach left. Runs on the worker thread
     * once the first screen is up, before any attach the operator starts (the worker runs one task
     * at a time, in order).
     */
    void sweep() {
        try {
            documents().sweep();
        } catch (RuntimeException e) {
            // a check that cannot run (folder unreadable) must not keep the register closed; it runs again next start
            LoggerFactory.getLogger(AppContext.class).warn("document store check failed: {}", SafeLog.describe(e));
        }
    }

    /**
     * The Usulan list's and the register's first searches, read once and dropped, on the worker once the
     * home screen is up: the first of each took 0.7-1.7 s on a 20,000-household store (the engine
     * reading and decrypting those pages, and its first join and sort of the rows), against 0.1 s after.
     * Ctrl+3 or Ctrl+2 then finds them warm.
     */
    void warmLists() {
        try {
            requests().search(id.berkasdesa.request.RequestFilter.all());
            households().search(id.berkasdesa.household.HouseholdSearch.all());
        } catch (RuntimeException e) {
            // only a warm-up: the list says what is wrong when it searches
        }
    }

    Optional<VillageProfile> profile() {
        return profile;
    }

    /** A Dinas Sosial's store (set up as one): the window shows the district's pages. */
    Optional<id.berkasdesa.dinas.DinasService.Office> office() {
        return office;
    }

    /** "Coba dengan data contoh" for a Dinas Sosial, on a new store (worker thread): see {@link id.berkasdesa.wiring.SampleDistrict}. */
    AppContext fillSampleDistrict(java.util.function.DoubleConsumer progress) throws java.io.IOException {
        id.berkasdesa.wiring.SampleDistrict.fill(wiring, Clock.systemDefaultZone(),
                java.nio.file.Files.createTempDirectory("berkas-desa-contoh-dinas"), progress);
        return reloadProfile();
    }

    /** Runs on a worker thread: the setup changed, and with it who is acting. */
    AppContext reloadProfile() {
        profile = villages().profile();
        office = profile.isPresent() ? Optional.empty() : wiring.dinas().office();
        wiring.actAsVillageOperator();
        return this;
    }

    /** The ids one person's data lives under in the audit trail (a worker-thread read). */
    Set<String> personIds(String nik) {
        return wiring.personIds(nik);
    }

    // the services, as the one wiring built them (not copied: a new service is added there alone)

    Database db() {
        return wiring.db();
    }

    Wilayah wilayah() {
        return wiring.wilayah();
    }

    HouseholdService households() {
        return wiring.households();
    }

    VillageService villages() {
        return wiring.villages();
    }

    DocumentService documents() {
        return wiring.documents();
    }

    RequestService requests() {
        return wiring.requests();
    }

    BundleService bundles() {
        return wiring.bundles();
    }

    ResponseService responses() {
        return wiring.responses();
    }

    AccountService accounts() {
        return wiring.accounts();
    }

    AuditService audit() {
        return wiring.audit();
    }

    DistrictKeyService districtKeys() {
        return wiring.districtKeys();
    }

    BackupService backups() {
        return wiring.backups();
    }

    ImportService imports() {
        return wiring.imports();
    }

    PbiService pbi() {
        return wiring.pbi();
    }

    LetterService letters() {
        return wiring.letters();
    }

    id.berkasdesa.dinas.DinasService dinas() {
        return wiring.dinas();
    }

    id.berkasdesa.dinas.DecisionService decisions() {
        return wiring.decisions();
    }

    id.berkasdesa.dinas.AnswerService answers() {
        return wiring.answers();
    }

    id.berkasdesa.dinas.ReactivationLetterService reactivationLetters() {
        return wiring.reactivationLetters();
    }

    id.berkasdesa.dinas.RecapService recaps() {
        return wiring.recaps();
    }

    /** The office's key pair (made in the store on first use); on the worker. */
    id.berkasdesa.keys.KeyPair officeKeys() {
        return wiring.officeKeys();
    }

    /** Who is acting now. */
    Session session() {
        return wiring.session();
    }

    @Override
    public void close() {
        wiring.close();
    }
}
