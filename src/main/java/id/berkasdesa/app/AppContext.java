package id.berkasdesa.app;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.request.Dashboard;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.common.SafeLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/** The app's parts, wired by constructor: one store, the area codes, and the feature services. */
final class AppContext implements AutoCloseable {

    final Database db;
    final Wilayah wilayah;
    final HouseholdService households;
    final VillageService villages;
    final DocumentService documents;
    final RequestService requests;
    final BundleService bundles;
    final ResponseService responses;
    /** The home screen's numbers, read while the store opens so the first screen shows at once. */
    Dashboard initialDashboard;
    /** Read once at start; the setup changes it through {@link #reloadProfile()}. */
    private Optional<VillageProfile> profile;

    private AppContext(Database db, Wilayah wilayah, Clock clock) {
        this.db = db;
        this.wilayah = wilayah;
        this.households = new HouseholdService(db, wilayah, clock);
        this.villages = new VillageService(db, clock);
        SettingsStore settings = new SettingsStore(db);
        this.documents = new DocumentService(db, settings, clock);
        this.requests = new RequestService(db, households, documents, settings, clock);
        this.bundles = new BundleService(db, requests, households, documents, villages, wilayah, clock,
                BuildInfo.current().version());
        this.responses = new ResponseService(db, requests, documents, villages, clock);
        this.profile = villages.profile();
    }

    /**
     * Opens the store (the area codes load meanwhile on a second thread) and reads the home screen's
     * numbers; runs on a worker thread. The document files are checked afterwards, by {@link #sweep}.
     */
    static AppContext open(Path dataDir, Clock clock) {
        CompletableFuture<Wilayah> wilayah = CompletableFuture.supplyAsync(Wilayah::load);
        Database db = Database.open(dataDir);
        AppContext context;
        try {
            context = new AppContext(db, wilayah.join(), clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        if (context.profile.isPresent()) {
            context.initialDashboard = context.requests.dashboard();
        }
        return context;
    }

    /**
     * Checks the document files, clearing what an interrupted attach left. Runs on the worker thread
     * once the first screen is up, before any attach the operator starts (the worker runs one task
     * at a time, in order).
     */
    void sweep() {
        try {
            documents.sweep();
        } catch (RuntimeException e) {
            // a check that cannot run (folder unreadable) must not keep the register closed; it runs again next start
            LoggerFactory.getLogger(AppContext.class).warn("document store check failed: {}", SafeLog.describe(e));
        }
    }

    Optional<VillageProfile> profile() {
        return profile;
    }

    /** Runs on a worker thread. */
    AppContext reloadProfile() {
        profile = villages.profile();
        return this;
    }

    @Override
    public void close() {
        db.close();
    }
}
