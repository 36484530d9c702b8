package id.berkasdesa.cli;

import id.berkasdesa.bundle.BundleException;
import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.Progress;
import id.berkasdesa.common.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code verify FILE...}: checks bundles (and response bags); a line per file; exit 1 when any is not intact. */
@Command(name = "verify", description = "Periksa paket (.zip): struktur BagIt, Payload-Oxum, semua checksum, format paket.json.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Berkas paket .zip")
    List<Path> files;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        int bad = 0;
        for (Path file : files) {
            try {
                BundleService.Verified v = BundleService.verify(file, Progress.none());
                System.out.println(messages.get(v.kind().equals("paket") ? "cli.verify.ok" : "cli.verify.okResponse",
                        file.toString(), v.village(), v.kodeDesa(), v.requests(), v.documents(), BundleService.megabytes(v.payloadBytes())));
            } catch (BundleException e) {
                bad++;
                System.out.println(messages.get("cli.verify.bad", file.toString(), e.message(messages)));
            }
        }
        return bad == 0 ? 0 : 1;
    }
}
