package id.berkasdesa.app;

import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.common.SafeLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** The app's parts, wired by constructor: one store, the area codes, and the feature services. */
final class AppContext implements AutoCloseable {

    final Database db;
    final Wilayah wilayah;
    final HouseholdService households;
    final VillageService villages;
    final DocumentService documents;
    final RequestService requests;
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
        this.profile = villages.profile();
    }

    /**
     * Opens the store, loads the area codes, and checks the document files (clearing what an
     * interrupted attach left); runs on a worker thread.
     */
    static AppContext open(Path dataDir, Clock clock) {
        Wilayah wilayah = Wilayah.load();
        AppContext context = new AppContext(Database.open(dataDir), wilayah, clock);
        try {
            context.documents.sweep();
        } catch (RuntimeException e) {
            // a check that cannot run (folder unreadable) must not keep the register closed; it runs again next start
            LoggerFactory.getLogger(AppContext.class).warn("document store check failed: {}", SafeLog.describe(e));
        }
        return context;
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
