package id.berkasdesa.cli;

import id.berkasdesa.account.Account;
import id.berkasdesa.backup.BackupException;
import id.berkasdesa.backup.Rekey;
import id.berkasdesa.backup.Restore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.CipherWarmUp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rekey}: Ganti kunci data (Administrator). The store and every document under a new store key,
 * so that an old key file with an old password (a disabled account, a copied folder) opens neither the
 * current store nor any later backup. Prints what was done, and the accounts whose password must be
 * reset (they had not signed in since boxes came) and whether a new recovery code is needed.
 */
@Command(name = "rekey", description = "Ganti kunci data: seluruh data dan dokumen dienkripsi ulang dengan kunci baru, sehingga file "
        + "kunci lama dan kata sandi lama (akun yang dinonaktifkan, salinan folder) tidak membuka data ini lagi. Hanya Administrator.")
final class RekeyCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        Messages messages = Messages.indonesian();
        Rekey.Result[] done = {null};
        int exit = StoreCommand.run(parent, s -> {
            try {
                done[0] = s.backups().rekey(s.accounts().list().stream().filter(Account::active).map(Account::name).toList(),
                        Progress.none());
                return 0;
            } catch (BackupException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
        });
        if (exit != 0) {
            return exit;
        }
        Restore.finish(parent.dataDir()); // the store is closed: the new one in, the old one deleted
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("documents", done[0].documents());
        out.put("resetNeeded", done[0].preview().withoutBox());
        out.put("newRecoveryCodeNeeded", done[0].preview().recoveryLost());
        out.put("seconds", done[0].took().toMillis() / 1000.0);
        System.out.println(Json.line(out));
        return 0;
    }
}
