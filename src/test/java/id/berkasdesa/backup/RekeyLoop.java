package id.berkasdesa.backup;

import id.berkasdesa.account.Account;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;

/** The child a kill test kills: Ganti kunci data on the store in {@code args[0]}, as the window and {@code rekey} do. */
public final class RekeyLoop {

    private RekeyLoop() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        System.out.println("READY");
        System.out.flush();
        Path dir = Path.of(args[0]);
        try (Wiring w = BackupStores.signedIn(dir)) {
            w.backups().rekey(w.accounts().list().stream().filter(Account::active).map(Account::name).toList(), Progress.none());
        }
        Restore.finish(dir);
        System.out.println("DONE " + (System.nanoTime() - start) / 1_000_000);
        System.out.flush();
    }
}
