package id.berkasdesa.cli;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.CipherWarmUp;
import id.berkasdesa.keys.KeyException;
import id.berkasdesa.keys.KeyPair;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code open-bundle FILE --key PRIVATE --to DIR}: at the Dinas Sosial, the plain bag of a protected bundle, after it all verified. */
@Command(name = "open-bundle", description = "Buka paket terenkripsi dengan kunci rahasia Dinas Sosial: tulis paket biasa ke FOLDER, "
        + "hanya setelah semuanya terperiksa.")
final class OpenBundleCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--key", required = true, paramLabel = "PRIVATEFILE")
    Path key;

    @Option(names = "--to", required = true, paramLabel = "FOLDER")
    Path folder;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        Messages messages = Messages.indonesian();
        KeyPair district = VerifyCommand.privateKey(parent, key, messages);
        if (district == null) {
            return 3;
        }
        try {
            Path out = District.openBundle(file, district, folder, Progress.none());
            System.out.println(Json.line(Map.of("file", out.toString())));
            return 0;
        } catch (BundleException | KeyException e) {
            return Json.fail(1, e.key(), e.message(messages));
        }
    }

}
