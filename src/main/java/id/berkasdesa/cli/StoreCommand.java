package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What commands that work on a data folder share: open the store through the one wiring, and turn a
 * store that cannot be opened (in use, damaged, not writable) into its message and exit code 2.
 */
final class StoreCommand {

    @FunctionalInterface
    interface Work {
        int run(Wiring services);
    }

    private StoreCommand() {
    }

    static int run(Path dataDir, Work work) {
        try (Wiring wiring = Wiring.open(dataDir, Clock.systemDefaultZone())) {
            return work.run(wiring);
        } catch (StoreException e) {
            return Json.fail(2, e.key(), Messages.indonesian().get(e.key(), e.args()));
        }
    }
}
