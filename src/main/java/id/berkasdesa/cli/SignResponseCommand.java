package id.berkasdesa.cli;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.CipherWarmUp;
import id.berkasdesa.keys.KeyPair;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sign-response FILE --bundle BUNDLE --key PRIVATE --to OUT.zip}: at the Dinas Sosial, an answer the village will accept. */
@Command(name = "sign-response", description = "Buat balasan bertanda tangan Dinas Sosial dari usulan.xlsx yang sudah diisi "
        + "(atau balasan .zip), terenkripsi untuk desa pengirim PAKET.")
final class SignResponseCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Parameters(paramLabel = "FILE", description = "usulan.xlsx yang sudah diisi, atau balasan .zip")
    Path response;

    @Option(names = "--bundle", required = true, paramLabel = "BUNDLE", description = "Paket terenkripsi dari desa yang dijawab")
    Path bundle;

    @Option(names = "--key", required = true, paramLabel = "PRIVATEFILE")
    Path key;

    @Option(names = "--to", required = true, paramLabel = "OUT.zip")
    Path out;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        Messages messages = Messages.indonesian();
        KeyPair district = VerifyCommand.privateKey(parent, key, messages);
        if (district == null) {
            return 3;
        }
        try {
            Path file = District.signResponse(response, bundle, district, out.toAbsolutePath());
            System.out.println(Json.line(Map.of("file", file.toString())));
            return 0;
        } catch (BundleException e) {
            return Json.fail(1, e.key(), e.message(messages));
        }
    }
}
