package id.berkasdesa.dinas;

import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The child JVM of {@link InboxKillTest}: opens the district store in {@code args[0]}, prints READY,
 * receives every bundle of the folder {@code args[1]} in name order, printing {@code DONE <ms>} at the
 * end — unless it is killed first.
 */
public final class InboxLoop {

    private InboxLoop() {
    }

    public static void main(String[] args) throws Exception {
        try (Wiring w = Wiring.open(Path.of(args[0]), Clock.systemDefaultZone())) {
            w.db().actAs(new Session("Vera", Role.VERIFIKATOR));
            List<Path> files;
            try (var in = Files.list(Path.of(args[1]))) {
                files = in.sorted().toList();
            }
            System.out.println("READY");
            long start = System.nanoTime();
            for (Path f : files) {
                DinasService.InboxResult r = w.dinas().receive(f, Progress.none());
                System.out.println(r.outcome() + " " + f.getFileName());
            }
            System.out.println("DONE " + (System.nanoTime() - start) / 1_000_000);
        }
    }
}
