package id.berkasdesa.cli;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.CipherWarmUp;
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

    @picocli.CommandLine.ParentCommand
    BerkasDesaCommand parent;

    @picocli.CommandLine.Option(names = "--key", paramLabel = "PRIVATEFILE",
            description = "Kunci rahasia Dinas Sosial: paket terenkripsi juga dibuka (di memori) dan isinya diperiksa.")
    Path key;

    /** The district's private keys from {@code file}, the passphrase from BERKAS_DESA_KEY_PASSWORD or asked; null (and a JSON line) when refused. */
    static id.berkasdesa.keys.KeyPair privateKey(BerkasDesaCommand parent, Path file, Messages messages) {
        char[] pass = DistrictKeyCommand.passphrase(parent, messages, false);
        if (pass == null) {
            Json.fail(3, "cli.key.noPassphrase", messages.get("cli.key.noPassphrase"));
            return null;
        }
        try {
            return id.berkasdesa.keys.SecretKeyFile.read(file, pass);
        } catch (id.berkasdesa.keys.KeyException e) {
            Json.fail(3, e.key(), e.message(messages));
            return null;
        } finally {
            java.util.Arrays.fill(pass, '\0');
        }
    }

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        id.berkasdesa.keys.KeyPair district = null;
        if (key != null) {
            CipherWarmUp.start(); // the bags decrypted at full speed from the first megabyte, beside the passphrase's hash
            district = privateKey(parent, key, messages);
            if (district == null) {
                return 3;
            }
        }
        int bad = 0;
        for (Path file : files) {
            try {
                District.Verified v = district != null && id.berkasdesa.exchange.SealedBundle.isSealed(file)
                        ? District.verify(file, district, Progress.none()) : District.verify(file, Progress.none());
                System.out.println(District.describe(file, v, messages, false));
            } catch (BundleException e) {
                bad++;
                System.out.println(messages.get("cli.verify.bad", file.toString(), e.message(messages)));
            }
        }
        return bad == 0 ? 0 : 1;
    }
}
