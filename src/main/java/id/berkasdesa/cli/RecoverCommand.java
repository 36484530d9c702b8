package id.berkasdesa.cli;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.wiring.Wiring;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code recover}: the Administrator's password reset with the recovery code. */
@Command(name = "recover", description = "Atur ulang kata sandi Administrator dengan kode pemulihan (BERKAS_DESA_RECOVERY_CODE "
        + "atau ditanyakan; kata sandi baru dari BERKAS_DESA_NEW_PASSWORD).")
final class RecoverCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Override
    public Integer call() {
        java.util.Optional<Integer> open = StoreCommand.windowOpen(parent);
        if (open.isPresent()) {
            return open.get();
        }
        Messages messages = Messages.indonesian();
        char[] code = StoreCommand.password(parent, "BERKAS_DESA_RECOVERY_CODE", messages.get("cli.recover.code"));
        char[] password = StoreCommand.newPassword(parent, "BERKAS_DESA_NEW_PASSWORD", messages);
        if (code == null || password == null) {
            return Json.fail(StoreCommand.NOT_SIGNED_IN, "cli.recover.none", messages.get("cli.recover.none"));
        }
        try (Wiring w = Wiring.needsPassword(parent.dataDir())
                ? Wiring.unlockWithRecovery(parent.dataDir(), Clock.systemDefaultZone(), new String(code))
                : Wiring.open(parent.dataDir(), Clock.systemDefaultZone())) {
            String admin = w.accounts().recover(new String(code), password);
            return OperatorCommand.ok("recovered", admin);
        } catch (StoreException e) {
            return Json.fail(2, e.key(), e.message(messages));
        } catch (MessageException e) {
            return Json.fail(StoreCommand.NOT_SIGNED_IN, e.key(), e.message(messages));
        } finally {
            java.util.Arrays.fill(code, '\0');
            java.util.Arrays.fill(password, '\0');
        }
    }
}
