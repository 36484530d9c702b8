package id.berkasdesa.cli;

import id.berkasdesa.common.ClassArchive;
import id.berkasdesa.common.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code class-archive [--to FILE]}: makes the class-data archive that speeds up the start (see
 * {@link ClassArchive}); the package's post-install step runs it. Without {@code --to}, the file the
 * launcher maps ({@code -XX:SharedArchiveFile}).
 */
@Command(name = "class-archive", description = "Buat arsip kelas (CDS) yang mempercepat start aplikasi di PC ini; "
        + "dijalankan oleh langkah pasca-instal paket.")
final class ClassArchiveCommand implements Callable<Integer> {

    @Option(names = "--to", paramLabel = "FILE", description = "Berkas arsip (bawaan: -XX:SharedArchiveFile peluncur)")
    Path to;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        Path file = to != null ? to : ClassArchive.state().map(ClassArchive.State::file).orElse(null);
        if (file == null) {
            return Json.fail(2, "cli.classArchive.where", messages.get("cli.classArchive.where"));
        }
        long start = System.nanoTime();
        try {
            ClassArchive.make(file);
        } catch (IOException e) {
            return Json.fail(1, "cli.classArchive.failed", messages.get("cli.classArchive.failed", file.toString()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toAbsolutePath().toString());
        out.put("ms", (System.nanoTime() - start) / 1_000_000);
        System.out.println(Json.line(out));
        return 0;
    }
}
