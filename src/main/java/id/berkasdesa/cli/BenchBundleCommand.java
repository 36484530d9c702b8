package id.berkasdesa.cli;

import id.berkasdesa.exchange.District;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.CipherWarmUp;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-bundle --to FOLDER}: export and verify throughput on the store's ready requests, each
 * against its baseline measured in the same run over the same files: {@code zip -0 -r} + {@code sync}
 * + {@code sha512sum} for the export, {@code sha512sum} for verify. Sends the same requests again in
 * each round (recorded as resends): run it on a demo store only.
 */
@Command(name = "bench-bundle", description = "Ukur kecepatan buat paket dan periksa paket (data contoh saja: usulan dikirim ulang).")
final class BenchBundleCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--to", required = true, paramLabel = "FOLDER", description = "Folder tujuan (sebaiknya flashdisk).")
    Path folder;

    @Option(names = "--rounds", defaultValue = "3", description = "Putaran (bawaan: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--encrypted", description = "Dengan enkripsi dan tanda tangan: kunci Dinas Sosial uji diimpor ke data contoh; "
            + "periksa = periksa penuh dengan kunci rahasia (tanda tangan, sandi, dan isi paket).")
    boolean encrypted;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        return StoreCommand.run(parent, s -> {
            // ready requests, and those a previous run sent (they go again, as resends)
            List<UUID> ids = s.bundles().candidates().stream().map(r -> r.id()).limit(BundleService.MAX_REQUESTS).toList();
            if (ids.isEmpty()) {
                System.err.println("No ready requests: fill a demo store first, e.g. demo --households 2000 --ready-requests 500");
                return 2;
            }
            try {
                Files.createDirectories(folder);
                id.berkasdesa.keys.KeyPair district = null;
                if (encrypted) {
                    district = id.berkasdesa.keys.KeyPair.generate("dinas", "32.01", "Dinas Sosial uji kecepatan");
                    s.districtKeys().importKey(district.publicKeys(), true);
                }
                HeapSampler heap = new HeapSampler();
                List<Double> export = new ArrayList<>();
                List<Double> zipBaseline = new ArrayList<>();
                List<Double> verify = new ArrayList<>();
                List<Double> shaBaseline = new ArrayList<>();
                List<Double> outside = new ArrayList<>();
                long payload = 0;
                long zipBytes = 0;
                for (int round = 0; round < rounds; round++) {
                    run("sync");
                    BundleService.Exported e = s.bundles().export(ids, folder, !encrypted, Progress.none());
                    payload = e.payloadBytes();
                    zipBytes = e.zipBytes();
                    export.add(e.took().toNanos() / 1e9);

                    run("sync");
                    long t = System.nanoTime();
                    if (district != null) {
                        District.verify(e.file(), district, Progress.none());
                        verify.add((System.nanoTime() - t) / 1e9);
                        // what anyone can check without the private key: the signature over every byte
                        t = System.nanoTime();
                        District.verify(e.file(), Progress.none());
                        outside.add((System.nanoTime() - t) / 1e9);
                    } else {
                        District.verify(e.file(), Progress.none());
                        verify.add((System.nanoTime() - t) / 1e9);
                    }
                    t = System.nanoTime();
                    run("sha512sum", e.file().toString());
                    shaBaseline.add((System.nanoTime() - t) / 1e9);

                    Path staging = folder.resolve("baseline-" + round);
                    Path plainBag = e.file();
                    if (district != null) {
                        Path opened = folder.resolve("opened-" + round);
                        Files.createDirectories(opened);
                        plainBag = District.openBundle(e.file(), district, opened, Progress.none());
                    }
                    extract(plainBag, staging);
                    if (district != null) {
                        Files.delete(plainBag);
                        Files.delete(plainBag.getParent());
                    }
                    Path baseZip = folder.resolve("baseline-" + round + ".zip");
                    run("sync");
                    t = System.nanoTime();
                    runIn(staging, "zip", "-0", "-r", "-q", baseZip.toString(), "data");
                    run("sync");
                    run("sha512sum", baseZip.toString());
                    zipBaseline.add((System.nanoTime() - t) / 1e9);
                    id.berkasdesa.common.Folders.delete(staging);
                    Files.delete(baseZip);
                    Files.delete(e.file());
                    BenchCommand.print("round", Map.of("round", round + 1, "export_s", BenchCommand.round(export.get(round)),
                            "zip0_sync_sha512sum_s", BenchCommand.round(zipBaseline.get(round)), "verify_s", BenchCommand.round(verify.get(round)),
                            "sha512sum_s", BenchCommand.round(shaBaseline.get(round))));
                }
                double mb = payload / 1_048_576.0;
                double ex = mb / median(export);
                double base = mb / median(zipBaseline);
                double ve = (zipBytes / 1_048_576.0) / median(verify);
                double sha = (zipBytes / 1_048_576.0) / median(shaBaseline);
                BenchCommand.print("export", Map.of("requests", ids.size(), "payload_mb", BenchCommand.round(mb), "mb_per_s", BenchCommand.round(ex),
                        "baseline_mb_per_s", BenchCommand.round(base), "ratio", BenchCommand.round(ex / base), "target", 0.6));
                BenchCommand.print("verify", Map.of("zip_mb", BenchCommand.round(zipBytes / 1_048_576.0), "mb_per_s", BenchCommand.round(ve),
                        "sha512sum_mb_per_s", BenchCommand.round(sha), "ratio", BenchCommand.round(ve / sha), "target", 0.8));
                if (!outside.isEmpty()) {
                    double out = (zipBytes / 1_048_576.0) / median(outside);
                    BenchCommand.print("verify_without_key", Map.of("mb_per_s", BenchCommand.round(out),
                            "sha512sum_mb_per_s", BenchCommand.round(sha), "ratio", BenchCommand.round(out / sha), "target", 0.8));
                }
                heap.stop();
                BenchCommand.print("heap", Map.of("used_peak_mb", BenchCommand.round(heap.peak / 1_048_576.0),
                        "limit_mb", BenchCommand.round(Runtime.getRuntime().maxMemory() / 1_048_576.0), "target", 256));
                return 0;
            } catch (IOException | InterruptedException e) {
                System.err.println("bench-bundle failed: " + e.getMessage());
                return 1;
            }
        });
    }

    private static void extract(Path zip, Path staging) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                String name = e.getName();
                int data = name.indexOf("/data/");
                if (data < 0 || e.isDirectory()) {
                    continue;
                }
                Path target = staging.resolve(name.substring(data + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("unsafe entry");
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        runIn(null, command);
    }

    static void runIn(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited " + code);
        }
    }

    /** The heap in use (garbage included), sampled every 20 ms while the bench runs. */
    static final class HeapSampler {
        private volatile boolean running = true;
        volatile long peak;
        private final Thread thread;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

}
