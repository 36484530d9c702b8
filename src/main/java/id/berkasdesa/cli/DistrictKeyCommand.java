package id.berkasdesa.cli;

import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.bundle.DistrictKeyService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.KeyException;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.PublicKeys;
import id.berkasdesa.keys.SecretKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code district-key new|import|show}: the Dinas Sosial's key pair, made once at the district, imported once by each village. */
@Command(name = "district-key", description = "Kunci Dinas Sosial: buat pasangan kunci (di Dinas Sosial), impor kunci publik (di desa), tampilkan.",
        subcommands = {DistrictKeyCommand.New.class, DistrictKeyCommand.Import.class, DistrictKeyCommand.Show.class})
final class DistrictKeyCommand {

    @ParentCommand
    BerkasDesaCommand parent;

    /** The passphrase of a private key file: BERKAS_DESA_KEY_PASSWORD, else asked (twice for a new one). */
    static char[] passphrase(BerkasDesaCommand parent, Messages messages, boolean twice) {
        return twice ? StoreCommand.newPassword(parent, "BERKAS_DESA_KEY_PASSWORD", messages)
                : StoreCommand.password(parent, "BERKAS_DESA_KEY_PASSWORD", messages.get("cli.key.passphrase"));
    }

    @Command(name = "new", description = "Buat pasangan kunci Dinas Sosial: <kode>.kunci-publik (untuk desa) dan <kode>.kunci-rahasia "
            + "(dilindungi frasa sandi dari BERKAS_DESA_KEY_PASSWORD atau ditanyakan).")
    static final class New implements Callable<Integer> {
        @ParentCommand
        DistrictKeyCommand group;

        @Option(names = "--kabupaten", required = true, paramLabel = "KODE", description = "Kode kabupaten/kota, mis. 32.01")
        String kabupaten;

        @Option(names = "--office", required = true, paramLabel = "NAMA", description = "Nama kantor, mis. \"Dinas Sosial Kabupaten Bogor\"")
        String office;

        @Option(names = "--to", required = true, paramLabel = "FOLDER")
        Path folder;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            String code = kabupaten.strip();
            if (!code.matches("\\d{2}\\.\\d{2}")) {
                return Json.fail(1, "cli.key.kabupaten", messages.get("cli.key.kabupaten", code));
            }
            Path pub = folder.resolve(code + ".kunci-publik");
            Path secret = folder.resolve(code + ".kunci-rahasia");
            if (Files.exists(pub) || Files.exists(secret)) {
                return Json.fail(1, "cli.key.exists", messages.get("cli.key.exists", secret.toString()));
            }
            char[] pass = passphrase(group.parent, messages, true);
            if (pass == null) {
                return Json.fail(3, "cli.key.noPassphrase", messages.get("cli.key.noPassphrase"));
            }
            try {
                if (pass.length < 12) {
                    return Json.fail(1, "cli.key.short", messages.get("cli.key.short", 12));
                }
                Files.createDirectories(folder);
                KeyPair keys = KeyPair.generate("dinas", code, office.strip());
                SecretKeyFile.write(secret, keys, pass);
                byte[] bytes = keys.publicKeys().toBytes();
                id.berkasdesa.common.AtomicFile.write(pub, out -> out.write(bytes));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("public", pub.toString());
                out.put("private", secret.toString());
                out.put("fingerprint", keys.publicKeys().fingerprint());
                System.out.println(Json.line(out));
                return 0;
            } catch (IOException e) {
                return Json.fail(1, "keys.error.write", messages.get("keys.error.write", folder.toString()));
            } catch (KeyException e) {
                return Json.fail(1, e.key(), e.message(messages));
            } finally {
                java.util.Arrays.fill(pass, '\0');
            }
        }
    }

    @Command(name = "import", description = "Impor kunci publik Dinas Sosial (Administrator). Bandingkan sidik jarinya dengan yang diberikan Dinas Sosial.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        DistrictKeyCommand group;

        @Parameters(paramLabel = "FILE", description = "Berkas <kode>.kunci-publik")
        Path file;

        @Option(names = "--replace", description = "Ganti kunci yang sudah ada dengan kunci lain (hanya bila Dinas Sosial memintanya).")
        boolean replace;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            PublicKeys keys;
            try {
                keys = DistrictKeyService.read(Files.readAllBytes(file));
            } catch (IOException e) {
                return Json.fail(1, "keys.error.publicFile", messages.get("keys.error.publicFile"));
            } catch (KeyException | BundleException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
            return StoreCommand.run(group.parent, w -> {
                try {
                    DistrictKeyService.DistrictKey k = w.districtKeys().importKey(keys, replace);
                    return show(k);
                } catch (BundleException e) {
                    return Json.fail(1, e.key(), e.message(messages));
                }
            });
        }
    }

    @Command(name = "show", description = "Tampilkan kunci Dinas Sosial yang dipakai dan kunci desa ini (sidik jari).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        DistrictKeyCommand group;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            return StoreCommand.run(group.parent, w -> {
                Map<String, Object> out = w.districtKeys().current().map(DistrictKeyCommand::fields)
                        .orElseGet(LinkedHashMap::new);
                out.put("villageFingerprint", w.villageKeys().publicKeys().fingerprint());
                System.out.println(Json.line(out));
                return out.containsKey("fingerprint") ? 0 : Json.fail(1, "cli.key.none", messages.get("cli.key.none"));
            });
        }
    }

    private static Map<String, Object> fields(DistrictKeyService.DistrictKey k) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("district", k.keys().name());
        out.put("kabupaten", k.keys().code());
        out.put("fingerprint", k.fingerprint());
        out.put("importedBy", k.importedBy());
        return out;
    }

    private static int show(DistrictKeyService.DistrictKey k) {
        System.out.println(Json.line(fields(k)));
        return 0;
    }
}
