package id.berkasdesa.cli;

import id.berkasdesa.backup.BackupService;
import id.berkasdesa.backup.Restore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.CipherWarmUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-backup --to FOLDER}: a backup (written, read back, restored on trial and checked) and
 * a restore onto an empty folder, each against {@code tar -cf - <data folder> | sha512sum} + {@code sync}
 * of the same folder in the same round.
 */
@Command(name = "bench-backup", description = "Ukur kecepatan cadangkan dan pulihkan terhadap tar | sha512sum + sync folder data.")
final class BenchBackupCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--to", required = true, paramLabel = "FOLDER", description = "Folder tujuan cadangan (sebaiknya flashdisk).")
    Path folder;

    @Option(names = "--rounds", defaultValue = "3", description = "Putaran (bawaan: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        String password = parent.env("BERKAS_DESA_PASSWORD");
        if (parent.user() == null || password == null) {
            System.err.println("bench-backup needs --user and BERKAS_DESA_PASSWORD (the restore signs in with them)");
            return 2;
        }
        return StoreCommand.run(parent, s -> {
            try {
                Files.createDirectories(folder);
                Path data = s.db().dataDir().toAbsolutePath();
                BenchBundleCommand.HeapSampler heap = new BenchBundleCommand.HeapSampler();
                List<Double> backup = new ArrayList<>();
                List<Double> restore = new ArrayList<>();
                List<Double> baseline = new ArrayList<>();
                long bytes = 0;
                for (int round = 0; round < rounds; round++) {
                    BenchBundleCommand.run("sync");
                    long t = System.nanoTime();
                    BenchBundleCommand.run("sh", "-c", "tar -cf - -C '" + data.getParent() + "' '" + data.getFileName()
                            + "' | sha512sum > /dev/null && sync");
                    baseline.add((System.nanoTime() - t) / 1e9);

                    BenchBundleCommand.run("sync");
                    t = System.nanoTime();
                    BackupService.Result r = s.backups().create(folder, 1, Progress.none());
                    backup.add((System.nanoTime() - t) / 1e9);
                    bytes = r.bytes();

                    Path target = Files.createTempDirectory(data.getParent(), "bench-pulih-");
                    BenchBundleCommand.run("sync");
                    t = System.nanoTime();
                    Restore.run(r.file(), target, new Restore.Password(parent.user(), password.toCharArray()),
                            new Restore.Options(false, false), Progress.none());
                    BenchBundleCommand.run("sync");
                    restore.add((System.nanoTime() - t) / 1e9);
                    id.berkasdesa.common.Folders.delete(target);
                    BenchCommand.print("round", Map.of("round", round + 1, "tar_sha512sum_sync_s", BenchCommand.round(baseline.get(round)),
                            "backup_s", BenchCommand.round(backup.get(round)), "restore_s", BenchCommand.round(restore.get(round))));
                }
                double base = BenchBundleCommand.median(baseline);
                BenchCommand.print("backup", Map.of("backup_mb", BenchCommand.round(bytes / 1_048_576.0),
                        "seconds", BenchCommand.round(BenchBundleCommand.median(backup)), "baseline_s", BenchCommand.round(base),
                        "times_baseline", BenchCommand.round(BenchBundleCommand.median(backup) / base), "target", 3));
                BenchCommand.print("restore", Map.of("seconds", BenchCommand.round(BenchBundleCommand.median(restore)),
                        "baseline_s", BenchCommand.round(base),
                        "times_baseline", BenchCommand.round(BenchBundleCommand.median(restore) / base), "target", 2));
                heap.stop();
                BenchCommand.print("heap", Map.of("used_peak_mb", BenchCommand.round(heap.peak / 1_048_576.0),
                        "limit_mb", BenchCommand.round(Runtime.getRuntime().maxMemory() / 1_048_576.0), "target", 256));
                return 0;
            } catch (IOException | InterruptedException e) {
                System.err.println("bench-backup failed: " + e.getMessage());
                return 1;
            }
        });
    }
}
