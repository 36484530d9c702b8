package id.berkasdesa.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A power cut, as the durability tests make it: a child JVM runs {@code main}, prints {@code READY}
 * when its store is open, works, and is killed (SIGKILL) after {@code runMillis}.
 */
public final class KilledChild {

    private KilledChild() {
    }

    /** One run of a kill test whose runs are independent of each other (each on its own copy). */
    @FunctionalInterface
    public interface Run {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code runs} independent runs two at a time (the machine's two cores both busy: the kills
     * count the same and land no less at random); the first failure is thrown once all have ended.
     */
    public static void twoAtATime(int runs, Run run) throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < runs; i++) {
                int index = i;
                all.add(two.submit(() -> {
                    run.run(index);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : all) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception x) {
                        throw x;
                    }
                    throw (Error) e.getCause();
                }
            }
        } finally {
            two.shutdownNow();
        }
    }

    /** @return the lines the child printed after READY, the last one possibly cut by the kill */
    public static List<String> run(Path errors, long runMillis, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        CountDownLatch ready = new CountDownLatch(1);
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                }
            } catch (Exception e) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not open the store:\n" + Files.readString(errors));
        }
        Thread.sleep(runMillis);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join();
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
