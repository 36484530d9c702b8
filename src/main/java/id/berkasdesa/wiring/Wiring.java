package id.berkasdesa.wiring;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.account.Passwords;
import id.berkasdesa.audit.AuditJournal;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import java.nio.file.Path;
import java.time.Clock;
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

    private Wiring(Database db, Wilayah wilayah, Clock clock, String appVersion, Passwords.Cost cost) {
        this.db = db;
        this.wilayah = wilayah;
        db.journal(new AuditJournal(clock));
        SettingsStore settings = new SettingsStore(db);
        this.accounts = new AccountService(db, new Passwords(cost), settings, clock);
        this.audit = new AuditService(db);
        this.households = new HouseholdService(db, wilayah, clock);
        this.villages = new VillageService(db, clock);
        this.documents = new DocumentService(db, settings, clock);
        this.requests = new RequestService(db, households, documents, settings, clock);
        this.bundles = new BundleService(db, requests, households, documents, villages, audit, wilayah, clock,
                appVersion);
        this.responses = new ResponseService(db, requests, documents, villages, clock);
        actAsVillageOperator();
    }

    /**
     * Opens the store of {@code dataDir} (the area codes load meanwhile on a second thread) and wires
     * it. The caller closes it.
     *
     * @throws id.berkasdesa.db.StoreException when the store cannot be opened
     */
    public static Wiring open(Path dataDir, Clock clock) {
        CompletableFuture<Wilayah> wilayah = CompletableFuture.supplyAsync(Wilayah::load);
        Database db = Database.open(dataDir);
        try {
            return new Wiring(db, wilayah.join(), clock, BuildInfo.current().version(), Passwords.Cost.DEFAULT);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Wires a store that is already open (tests that open, kill and reopen stores themselves). */
    public static Wiring of(Database db, Wilayah wilayah, Clock clock, String appVersion) {
        return new Wiring(db, wilayah, clock, appVersion, Passwords.Cost.DEFAULT);
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

    public ResponseService responses() {
        return responses;
    }

    @Override
    public void close() {
        db.close();
    }
}
