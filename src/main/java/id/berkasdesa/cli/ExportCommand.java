package id.berkasdesa.cli;

import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.CipherWarmUp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code export --to FOLDER [--all-ready] [--request ID...]}: writes one verified bundle, as "Kirim ke Dinas Sosial" does. */
@Command(name = "export", description = "Buat paket untuk Dinas Sosial di FOLDER (mis. flashdisk), dibaca ulang dan diperiksa.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--to", required = true, paramLabel = "FOLDER", description = "Folder tujuan (flashdisk).")
    Path folder;

    @Option(names = "--all-ready", description = "Semua usulan berstatus Siap kirim.")
    boolean allReady;

    @Option(names = "--request", paramLabel = "ID", description = "ID usulan (boleh berulang; juga untuk kirim ulang).")
    List<UUID> requests;

    @Option(names = "--plain", description = "Tanpa kunci Dinas Sosial: tulis paket TANPA enkripsi (data pribadi terbuka di flashdisk).")
    boolean plain;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        Messages messages = Messages.indonesian();
        if (!allReady && (requests == null || requests.isEmpty())) {
            return Json.fail(2, "cli.export.choose", messages.get("cli.export.choose"));
        }
        return StoreCommand.run(parent, s -> {
            s.db().require("bundle.export"); // a role that may not export hears so first, whatever is ready
            List<UUID> ids = new java.util.ArrayList<>();
            if (allReady) {
                ids.addAll(s.bundles().ready());
            }
            if (requests != null) {
                requests.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
            }
            if (ids.isEmpty()) {
                return Json.fail(1, "cli.export.nothingReady", messages.get("cli.export.nothingReady"));
            }
            try {
                boolean sealed = s.districtKeys().current().isPresent();
                BundleService.Exported e = s.bundles().export(ids, folder, plain, Progress.none());
                System.out.println(Json.line(Map.of("file", e.file().toString(), "requests", e.requests(),
                        "resent", e.resent(), "documents", e.documents(), "payload_bytes", e.payloadBytes(),
                        "zip_bytes", e.zipBytes(), "seconds", e.took().toMillis() / 1000.0, "encrypted", sealed)));
                if (!sealed) {
                    System.err.println(messages.get("cli.export.plainWarning"));
                }
                return 0;
            } catch (BundleException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
        });
    }
}
