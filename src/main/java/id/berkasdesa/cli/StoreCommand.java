package id.berkasdesa.cli;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What commands that work on a data folder share: open the store, wire the services, and turn a
 * store that cannot be opened (in use, damaged, not writable) into its message and exit code 2.
 */
final class StoreCommand {

    /** The services a command gets on an open store. */
    record Services(HouseholdService households, VillageService villages, DocumentService documents,
            RequestService requests, BundleService bundles, ResponseService responses) {
    }

    @FunctionalInterface
    interface Work {
        int run(Services services);
    }

    private StoreCommand() {
    }

    static int run(Path dataDir, Work work) {
        Clock clock = Clock.systemDefaultZone();
        try (Database db = Database.open(dataDir)) {
            Wilayah wilayah = Wilayah.load();
            HouseholdService households = new HouseholdService(db, wilayah, clock);
            SettingsStore settings = new SettingsStore(db);
            DocumentService documents = new DocumentService(db, settings, clock);
            VillageService villages = new VillageService(db, clock);
            RequestService requests = new RequestService(db, households, documents, settings, clock);
            return work.run(new Services(households, villages, documents, requests,
                    new BundleService(db, requests, households, documents, villages, wilayah, clock,
                            BuildInfo.current().version()),
                    new ResponseService(db, requests, documents, villages, clock)));
        } catch (StoreException e) {
            return Json.fail(2, e.key(), Messages.indonesian().get(e.key(), e.args()));
        }
    }
}
