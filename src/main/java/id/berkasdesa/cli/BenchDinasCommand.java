package id.berkasdesa.cli;

import id.berkasdesa.dinas.Check;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.SecretKeyFile;
import id.berkasdesa.wiring.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-dinas --to FOLDER}: the Dinas Sosial's inbox timed as a person waits for it, a whole
 * fresh process ({@code dinas inbox} of every bundle on the stick, heap capped at 512 MB), against a
 * whole {@code verify --key} of the same files; then the request list of the store it filled, read in
 * a warm JVM as the Usulan page reads it. The bundles come from this (demo) store's ready requests,
 * encrypted to a district key made for the run.
 */
@Command(name = "bench-dinas", description = "Ukur kotak masuk Dinas Sosial dan daftar usulannya (data contoh saja).")
final class BenchDinasCommand implements Callable<Integer> {

    private static final String PASSPHRASE = "frasa sandi uji kecepatan";
    private static final String ADMIN = "Bench";
    private static final String PASSWORD = "kata sandi uji kecepatan";

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--to", required = true, paramLabel = "FOLDER", description = "Folder kerja (dikosongkan dulu).")
    Path work;

    @Option(names = "--bundles", defaultValue = "50", description = "Jumlah paket (bawaan: ${DEFAULT-VALUE}).")
    int bundles;

    @Option(names = "--requests", defaultValue = "8", description = "Usulan per paket (bawaan: ${DEFAULT-VALUE}).")
    int perBundle;

    @Option(names = "--rounds", defaultValue = "3", description = "Putaran (bawaan: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        id.berkasdesa.common.Folders.delete(work);
        Path stick = Files.createDirectories(work.resolve("flashdisk"));
        Path secret = work.resolve("32.01.kunci-rahasia");
        KeyPair district = KeyPair.generate("dinas", "32.01", "Dinas Sosial uji kecepatan");
        SecretKeyFile.write(secret, district, PASSPHRASE.toCharArray());
        int made = StoreCommand.run(parent, s -> {
            List<UUID> ids = s.bundles().candidates().stream().map(r -> r.id()).limit((long) bundles * perBundle).toList();
            if (ids.size() < bundles * perBundle) {
                System.err.println("Need " + bundles * perBundle + " ready requests: fill a demo store first, e.g. demo --households "
                        + bundles * perBundle * 2 + " --ready-requests " + bundles * perBundle);
                return 2;
            }
            s.districtKeys().importKey(district.publicKeys(), true);
            for (int b = 0; b < bundles; b++) {
                s.bundles().export(ids.subList(b * perBundle, (b + 1) * perBundle), stick, Progress.none());
            }
            return 0;
        });
        if (made != 0) {
            return made;
        }
        List<Path> files;
        try (Stream<Path> in = Files.list(stick)) {
            files = in.sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        Path template = work.resolve("dinas-awal");
        child(List.of("--data-dir", template.toString(), "dinas", "init", "--kabupaten", "32.01", "--office", "Dinas Sosial uji",
                "--admin", ADMIN, "--key", secret.toString()));
        List<Double> inbox = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        Path store = work.resolve("dinas");
        for (int round = 0; round < rounds; round++) {
            id.berkasdesa.common.Folders.delete(store);
            BenchBundleCommand.run("cp", "-a", template.toString(), store.toString());
            BenchBundleCommand.run("sync");
            long t = System.nanoTime();
            List<String> args = new ArrayList<>(List.of("--data-dir", store.toString(), "dinas", "inbox"));
            args.add(stick.toString());
            child(args);
            inbox.add((System.nanoTime() - t) / 1e9);
            BenchBundleCommand.run("sync");
            t = System.nanoTime();
            List<String> v = new ArrayList<>(List.of("verify", "--key", secret.toString()));
            files.forEach(f -> v.add(f.toString()));
            child(v);
            verify.add((System.nanoTime() - t) / 1e9);
            BenchCommand.print("round", Map.of("round", round + 1, "inbox_s", BenchCommand.round(inbox.get(round)),
                    "verify_key_s", BenchCommand.round(verify.get(round))));
        }
        double mb = bytes / 1_048_576.0;
        double in = mb / BenchBundleCommand.median(inbox);
        double ve = mb / BenchBundleCommand.median(verify);
        BenchCommand.print("inbox", Map.of("bundles", files.size(), "requests", files.size() * perBundle, "mb", BenchCommand.round(mb),
                "inbox_mb_per_s", BenchCommand.round(in), "verify_key_mb_per_s", BenchCommand.round(ve), "ratio", BenchCommand.round(in / ve),
                "target", 0.8, "heap_cap_mb", 512));
        list(store);
        return 0;
    }

    /** The Usulan page's reads on the store the inbox filled: every request, and one check's, in a warm JVM. */
    private static void list(Path store) {
        try (Wiring w = Wiring.unlock(store, Clock.systemDefaultZone(), ADMIN, PASSWORD.toCharArray())) {
            w.accounts().signIn(ADMIN, PASSWORD.toCharArray());
            int n = 0;
            for (int i = 0; i < 5; i++) {
                n = w.dinas().requests(null, null, null).size(); // warm
            }
            List<Double> all = new ArrayList<>();
            List<Double> one = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                long t = System.nanoTime();
                w.dinas().requests(null, null, null);
                all.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                w.dinas().requests(id.berkasdesa.dinas.DinasService.RECEIVED, null, Check.KUNCI_BARU);
                one.add((System.nanoTime() - t) / 1e6);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requests", n);
            out.put("all_ms", BenchCommand.round(BenchBundleCommand.median(all)));
            out.put("by_check_ms", BenchCommand.round(BenchBundleCommand.median(one)));
            out.put("target_ms", 100);
            BenchCommand.print("list", out);
        }
    }

    /** This app in a fresh JVM (heap capped at 512 MB), signed in by the environment; fails on a non-zero exit. */
    private static void child(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        // as this process was started: with the class-data archive it mapped, as the installed launcher maps one
        id.berkasdesa.common.ClassArchive.state().filter(id.berkasdesa.common.ClassArchive.State::mapped).ifPresent(a ->
                command.addAll(List.of("-XX:SharedArchiveFile=" + a.file(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
        // and with the compiler thresholds it was given (the installed launcher's, installer/jpackage/launcher.txt)
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> o.startsWith("-XX:Tier4") || o.startsWith("-XX:CompileCommand=")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "id.berkasdesa.app.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("BERKAS_DESA_USER", ADMIN);
        pb.environment().put("BERKAS_DESA_PASSWORD", PASSWORD);
        pb.environment().put("BERKAS_DESA_KEY_PASSWORD", PASSPHRASE);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", args) + " exited " + code);
        }
    }
}
