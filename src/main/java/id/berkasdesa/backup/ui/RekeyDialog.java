package id.berkasdesa.backup.ui;

import id.berkasdesa.backup.BackupService;
import id.berkasdesa.backup.Rekey;
import id.berkasdesa.backup.Restore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import java.util.List;

/**
 * Berkas → Ganti kunci data (Administrator), and the offer after an account is disabled: what a new
 * key does and leaves behind, asked once; then the store copied under the new key in the background
 * with its progress, the store closed and the new one swapped in, and the sign-in shown again (the
 * same password opens it).
 */
public final class RekeyDialog {

    private RekeyDialog() {
    }

    /**
     * @param disabled the account just disabled that the offer is about, or null (from the menu)
     * @param active the accounts still active
     */
    public static void show(BackupService backups, List<String> active, String disabled, RestoreDialog.Store store,
            Messages messages, DialogService dialogs, BackgroundTasks tasks) {
        Rekey.Preview preview = backups.rekeyPreview(active);
        StringBuilder text = new StringBuilder();
        if (disabled != null) {
            text.append(messages.get("rekey.afterDisable", disabled)).append("\n\n");
        }
        text.append(messages.get("rekey.ask"));
        if (!preview.withoutBox().isEmpty()) {
            text.append("\n\n").append(messages.get("rekey.resetNeeded", String.join(", ", preview.withoutBox())));
        }
        if (preview.recoveryLost()) {
            text.append("\n\n").append(messages.get("rekey.recoveryLost"));
        }
        if (!dialogs.confirmRisky(messages.get("rekey.title"), text.toString(), messages.get("rekey.yes"),
                messages.get(disabled == null ? "dialog.cancel" : "rekey.later"))) {
            return;
        }
        boolean[] closed = {false};
        tasks.run(messages.get("rekey.working"), p -> {
            Rekey.Result r = backups.rekey(active, new Progress(p));
            closed[0] = true;
            store.close();
            Restore.finish(store.dataDir()); // the new store in, the one under the old key deleted
            return r;
        }, r -> {
            dialogs.info(messages.get("rekey.title"), messages.get("rekey.done", r.documents(),
                    String.format(java.util.Locale.forLanguageTag("id"), "%.1f", r.took().toMillis() / 1000.0)));
            store.reopen();
        }, e -> {
            dialogs.error(messages.get("rekey.title"), e instanceof MessageException m ? m.message(messages)
                    : messages.get("backup.error.rekey", e.getClass().getSimpleName()));
            if (closed[0]) {
                store.reopen(); // whole under the old key or the new: its sign-in finishes what is left
            }
        });
    }
}
