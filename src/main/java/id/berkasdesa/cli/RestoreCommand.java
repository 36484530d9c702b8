package id.berkasdesa.cli;

import id.berkasdesa.backup.BackupException;
import id.berkasdesa.backup.Restore;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.keys.CipherWarmUp;
import id.berkasdesa.keys.KeyException;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code restore FILE [--replace] [--other-village]}: Pulihkan. Signed in as an Administrator of the
 * backup ({@code --user}, {@code BERKAS_DESA_PASSWORD}) or, without {@code --user}, with the recovery
 * code ({@code BERKAS_DESA_RECOVERY_CODE} or asked) and a new Administrator password
 * ({@code BERKAS_DESA_NEW_PASSWORD} or asked twice).
 */
@Command(name = "restore", description = "Pulihkan data dari file cadangan ke folder data (kosong; atau ganti data yang ada dengan "
        + "--replace: data lama disisihkan, tidak dihapus). Masuk dengan --user dan kata sandi Administrator saat cadangan dibuat, "
        + "atau tanpa --user dengan kode pemulihan.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "File cadangan_….zip")
    Path file;

    @Option(names = "--replace", description = "Ganti data yang ada di folder data (disisihkan ke folder disisihkan-…).")
    boolean replace;

    @Option(names = "--other-village", description = "Setuju memulihkan cadangan desa lain di atas data desa ini.")
    boolean otherVillage;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        java.util.Optional<Integer> open = StoreCommand.windowOpen(parent);
        if (open.isPresent()) {
            return open.get();
        }
        Messages messages = Messages.indonesian();
        Path dataDir = parent.dataDir();
        String user = parent.user();
        char[] secret = user != null
                ? StoreCommand.password(parent, "BERKAS_DESA_PASSWORD", messages.get("cli.signin.password", user))
                : StoreCommand.password(parent, "BERKAS_DESA_RECOVERY_CODE", messages.get("cli.recover.code"));
        char[] newPassword = user == null ? StoreCommand.newPassword(parent, "BERKAS_DESA_NEW_PASSWORD", messages) : null;
        if (secret == null || user == null && newPassword == null) {
            return Json.fail(StoreCommand.NOT_SIGNED_IN, "cli.restore.who", messages.get("cli.restore.who"));
        }
        try {
            Restore.Credentials who = user != null ? new Restore.Password(user, secret) : new Restore.RecoveryCode(new String(secret));
            Restore.Result r = Restore.run(file, dataDir, who, new Restore.Options(replace, otherVillage), Progress.none());
            try (Wiring w = user != null ? Wiring.unlock(dataDir, Clock.systemDefaultZone(), user, secret)
                    : Wiring.unlockWithRecovery(dataDir, Clock.systemDefaultZone(), new String(secret))) {
                if (user != null) {
                    w.accounts().signIn(user, secret);
                } else {
                    String admin = w.accounts().recover(new String(secret), newPassword);
                    w.accounts().signIn(admin, newPassword);
                }
                w.backups().recordRestore(r.manifest());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("restored", file.toString());
            out.put("village", r.manifest().villageCode());
            out.put("made", r.manifest().made().toString());
            out.put("setAside", r.setAside().map(Path::toString).orElse(null));
            out.putAll(CheckCommand.figures(r.checked(), messages));
            out.put("seconds", r.took().toMillis() / 1000.0);
            System.out.println(Json.line(out));
            r.setAside().ifPresent(p -> System.err.println(messages.get("cli.restore.setAside", p.toString())));
            return 0;
        } catch (KeyException e) {
            return Json.fail(StoreCommand.NOT_SIGNED_IN, e.key(), e.message(messages));
        } catch (BackupException | BundleException e) {
            return Json.fail(1, e.key(), e.message(messages));
        } catch (StoreException e) {
            return Json.fail(2, e.key(), messages.get(e.key(), e.args()));
        } catch (MessageException e) {
            return Json.fail(1, e.key(), e.message(messages));
        } finally {
            Arrays.fill(secret, '\0');
            if (newPassword != null) {
                Arrays.fill(newPassword, '\0');
            }
        }
    }
}
