package id.berkasdesa.cli;

import id.berkasdesa.backup.BackupException;
import id.berkasdesa.backup.BackupService;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.CipherWarmUp;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code backup --to FOLDER [--keep N]}: Cadangkan, as the window does: written, read back, restored on trial, checked. */
@Command(name = "backup", description = "Cadangkan seluruh data dan dokumen (terenkripsi) ke FOLDER (flashdisk), dibaca ulang dan "
        + "dicoba dipulihkan sebelum dinyatakan selesai. Hanya Administrator.")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--to", required = true, paramLabel = "FOLDER", description = "Folder tujuan (flashdisk).")
    Path folder;

    @Option(names = "--keep", defaultValue = "" + BackupService.DEFAULT_KEEP, paramLabel = "N",
            description = "Simpan N cadangan terakhir desa ini di folder itu (bawaan: ${DEFAULT-VALUE}).")
    int keep;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        Messages messages = Messages.indonesian();
        return StoreCommand.run(parent, s -> {
            try {
                BackupService.Result r = s.backups().create(folder, keep, Progress.none());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", r.file().toString());
                out.put("bytes", r.bytes());
                out.putAll(CheckCommand.figures(r.checked(), messages));
                out.put("removed", r.removed().stream().map(p -> p.getFileName().toString()).toList());
                out.put("seconds", r.took().toMillis() / 1000.0);
                System.out.println(Json.line(out));
                return 0;
            } catch (BackupException | BundleException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
        });
    }
}
