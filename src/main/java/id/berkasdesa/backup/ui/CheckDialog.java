package id.berkasdesa.backup.ui;

import id.berkasdesa.backup.BackupService;
import id.berkasdesa.backup.StoreCheck;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import java.util.Map;
import java.util.stream.Collectors;

/** Berkas → Periksa data (Administrator): the database read whole, every document, the audit chain; what was found. */
public final class CheckDialog {

    private CheckDialog() {
    }

    public static void show(BackupService backups, Messages messages, DialogService dialogs, BackgroundTasks tasks) {
        tasks.run(messages.get("check.working"), p -> backups.check(new Progress(p)), r -> {
            String text = summary(r, messages);
            if (r.ok()) {
                dialogs.info(messages.get("check.title"), text);
            } else {
                dialogs.error(messages.get("check.title"), text);
            }
        }, e -> dialogs.error(messages.get("check.title"),
                e instanceof MessageException m ? m.message(messages) : messages.get("check.failed")));
    }

    static String summary(StoreCheck.Report r, Messages messages) {
        String found = r.ok() ? messages.get("check.ok")
                : r.problems().stream().map(f -> "• " + messages.get(f.key(), f.args().toArray())).collect(Collectors.joining("\n"));
        return messages.get("check.summary", r.households(), r.members("AKTIF"), r.members("PINDAH"), r.members("MENINGGAL"),
                r.documents(), statuses(r.requests(), messages), r.auditEntries()) + "\n\n" + found;
    }

    private static String statuses(Map<String, Long> requests, Messages messages) {
        if (requests.isEmpty()) {
            return "0";
        }
        return requests.entrySet().stream().map(e -> messages.get("request.status." + e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
