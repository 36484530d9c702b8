package id.berkasdesa.wiring;

import java.nio.file.Path;
import java.time.Clock;

/** Child process of {@link StoreEncryptionTest}: the first start of this version on an old store, killed at a random moment. */
public final class EncryptLoop {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        System.out.println("READY");
        System.out.flush();
        try (Wiring w = Wiring.open(dir, Clock.systemDefaultZone())) {
            System.out.println("DONE");
            System.out.flush();
        }
        try {
            Thread.sleep(60_000); // wait for the kill
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
