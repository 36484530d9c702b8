package id.berkasdesa.cli;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wiring.Wiring;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code init --village KODE --office NAME --admin NAME}: a new store with its village and its first
 * Administrator; prints the recovery code once, as JSON. Refuses a folder that has a store.
 */
@Command(name = "init", description = "Buat data baru: desa, kantor, dan Administrator pertama (kata sandi dari "
        + "BERKAS_DESA_PASSWORD, atau ditanyakan dua kali).")
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--village", required = true, paramLabel = "KODE", description = "Kode desa Kemendagri, mis. 32.01.01.1001")
    String village;

    @Option(names = "--office", required = true, paramLabel = "NAME", description = "Nama kantor, mis. \"Kantor Desa Pondok Rajeg\"")
    String office;

    @Option(names = "--admin", required = true, paramLabel = "NAME", description = "Nama Administrator pertama")
    String admin;

    @Option(names = "--recovery-sheet", paramLabel = "FILE.pdf", description = "Tulis juga lembar pemulihan (PDF) untuk brankas kantor.")
    java.nio.file.Path recoverySheet;

    @Override
    public Integer call() {
        java.util.Optional<Integer> open = StoreCommand.windowOpen(parent);
        if (open.isPresent()) {
            return open.get();
        }
        Messages messages = Messages.indonesian();
        if (Database.exists(parent.dataDir())) {
            return Json.fail(1, "cli.init.exists", messages.get("cli.init.exists", parent.dataDir().toString()));
        }
        char[] password = StoreCommand.newPassword(parent, "BERKAS_DESA_PASSWORD", messages);
        if (password == null) {
            return Json.fail(StoreCommand.NOT_SIGNED_IN, "cli.password.none", messages.get("cli.password.none"));
        }
        try (StoreCommand.NewStore fresh = new StoreCommand.NewStore(parent.dataDir());
                Wiring w = Wiring.open(parent.dataDir(), Clock.systemDefaultZone())) {
            String code = village.strip();
            Area desa = w.wilayah().find(code).filter(a -> a.level() == Area.Level.DESA_KELURAHAN).orElse(null);
            if (desa == null) {
                return Json.fail(1, "cli.init.village", messages.get("cli.init.village", code));
            }
            w.villages().save(new VillageProfile(desa.code(), desa.name(), office.strip(), admin.strip(), false));
            String recovery = w.accounts().createFirstAdministrator(admin, password);
            fresh.complete();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("village", desa.code());
            out.put("villageName", desa.name());
            out.put("admin", w.session().operator());
            out.put("recoveryCode", recovery);
            System.out.println(Json.line(out));
            System.err.println(messages.get("cli.init.keepCode"));
            if (recoverySheet != null) {
                try {
                    id.berkasdesa.account.RecoverySheet.save(messages, desa.name() + " (" + desa.code() + ")",
                            w.session().operator(), recovery, java.time.LocalDate.now(), recoverySheet);
                    System.err.println(messages.get("cli.init.sheet", recoverySheet.toString()));
                } catch (java.io.IOException e) {
                    return Json.fail(1, "signin.code.failed", messages.get("signin.code.failed", recoverySheet.toString()));
                }
            }
            return 0;
        } catch (MessageException e) {
            return Json.fail(1, e.key(), e.message(messages));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
