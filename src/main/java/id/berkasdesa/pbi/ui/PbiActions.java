package id.berkasdesa.pbi.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.imports.ImportException;
import id.berkasdesa.pbi.PbiList;
import id.berkasdesa.pbi.PbiService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Usulan → Impor daftar PBI nonaktif…: read and matched on the worker, previewed, then marked. */
public final class PbiActions {

    private final PbiService pbi;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Runnable marked;

    /** @param marked told after members were marked (the Calon usulan is shown then) */
    public PbiActions(PbiService pbi, Messages messages, BackgroundTasks runner, DialogService dialogs, Runnable marked) {
        this.pbi = pbi;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.marked = marked;
    }

    public void importList() {
        dialogs.chooseOpenFile(messages.get("pbi.choose"), List.of("xlsx", "xls", "csv")).ifPresent(this::importList);
    }

    private record Read(PbiList list, PbiService.Preview preview, PbiList.Columns remembered) {
    }

    void importList(Path file) {
        runner.run(messages.get("pbi.reading"), p -> {
            PbiList list = pbi.read(file, Optional.empty());
            PbiService.Preview preview;
            try {
                preview = pbi.match(file, list, PbiList.Columns.NONE, null);
            } catch (ImportException e) {
                preview = null; // no NIK column by a known name: the operator chooses it in the dialog
            }
            return new Read(list, preview, pbi.remembered());
        }, read -> PbiDialog.ask(messages, dialogs, runner, pbi, file, read.list(), read.preview(), read.remembered())
                .ifPresent(preview -> runner.run(messages.get("pbi.saving"), p -> pbi.apply(preview), applied -> {
                    dialogs.info(messages.get("pbi.title"), messages.get("pbi.done", preview.matched().size(), applied.marked(),
                            preview.unmatched().size()));
                    marked.run();
                }, this::failed)), this::failed);
    }

    private void failed(Throwable e) {
        dialogs.error(messages.get("pbi.title"), e instanceof MessageException m ? m.message(messages) : messages.get("pbi.failed"));
    }
}
