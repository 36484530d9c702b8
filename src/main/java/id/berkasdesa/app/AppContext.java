package id.berkasdesa.app;

import id.berkasdesa.db.Database;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The app's parts, wired by constructor: one store, the area codes, and the feature services. */
final class AppContext implements AutoCloseable {

    final Database db;
    final Wilayah wilayah;
    final HouseholdService households;
    final VillageService villages;
    /** Read once at start; the setup changes it through {@link #reloadProfile()}. */
    private Optional<VillageProfile> profile;

    private AppContext(Database db, Wilayah wilayah, Clock clock) {
        this.db = db;
        this.wilayah = wilayah;
        this.households = new HouseholdService(db, wilayah, clock);
        this.villages = new VillageService(db, clock);
        this.profile = villages.profile();
    }

    /** Opens the store and loads the area codes; runs on a worker thread. */
    static AppContext open(Path dataDir, Clock clock) {
        Wilayah wilayah = Wilayah.load();
        return new AppContext(Database.open(dataDir), wilayah, clock);
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
