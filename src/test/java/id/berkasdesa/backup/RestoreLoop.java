package id.berkasdesa.backup;

import id.berkasdesa.exchange.Progress;
import java.nio.file.Path;

/** The child a kill test kills: restores {@code args[1]} over the store in {@code args[0]}. */
public final class RestoreLoop {

    private RestoreLoop() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        System.out.println("READY");
        System.out.flush();
        Restore.run(Path.of(args[1]), Path.of(args[0]), new Restore.Password(BackupStores.ADMIN, BackupStores.PASSWORD),
                new Restore.Options(true, false), Progress.none());
        System.out.println("DONE " + (System.nanoTime() - start) / 1_000_000);
        System.out.flush();
    }
}
