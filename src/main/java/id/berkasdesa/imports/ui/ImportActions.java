package id.berkasdesa.imports.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.imports.ImportService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Berkas → Impor data penduduk… and Berkas → Ekspor data penduduk…: the file is read, planned and
 * written on the worker; the preview and the messages on the JavaFX thread.
 */
public final class ImportActions {

    private final ImportService imports;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Runnable changed;

    /** @param changed told after an import wrote to the register */
    public ImportActions(ImportService imports, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Runnable changed) {
        this.imports = imports;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.changed = changed;
    }

    public void importPopulation() {
        dialogs.chooseOpenFile(messages.get("import.choose"), List.of("xlsx", "xlsm", "xls", "csv")).ifPresent(this::importFile);
    }

    void importFile(Path file) {
        runner.run(messages.get("import.reading"), p -> imports.preview(file, Optional.empty(), Optional.empty(), p),
                preview -> ImportDialog.ask(messages, dialogs, runner, imports, preview).ifPresent(choice ->
                        runner.run(messages.get("import.saving"), p -> imports.apply(choice.preview(), choice.confirmed(), p),
                                applied -> {
                                    changed.run();
                                    String done = messages.get("import.done",
                                            applied.plan().households().created(), applied.plan().households().changed(),
                                            applied.plan().members().created(), applied.plan().members().changed(),
                                            applied.plan().errors());
                                    List<String> problems = choice.preview().problems().stream()
                                            .map(x -> x.line(messages)).toList();
                                    if (problems.isEmpty()) {
                                        dialogs.info(messages.get("import.title"), done);
                                    } else if (dialogs.confirm(messages.get("import.title"),
                                            done + "\n\n" + messages.get("import.problems.offer", problems.size()),
                                            messages.get("import.problems.save"), messages.get("dialog.close"))) {
                                        saveProblems(problems);
                                    }
                                }, this::importFailed)),
                this::importFailed);
    }

    /** The rows the import refused or warned about, one line each, to a text file the operator chooses. */
    void saveProblems(List<String> problems) {
        dialogs.chooseSaveFile(messages.get("import.problems.save"), messages.get("import.problems.fileName"))
                .ifPresent(file -> runner.run(messages.get("import.problems.saving"),
                        p -> imports.saveProblems(problems, file),
                        n -> dialogs.info(messages.get("import.title"), messages.get("import.problems.saved", n,
                                file.toString())),
                        e -> dialogs.error(messages.get("import.title"), text(e, "import.problems.failed"))));
    }

    private void importFailed(Throwable e) {
        dialogs.error(messages.get("import.title"), text(e, "import.failed"));
    }

    public void exportRegister() {
        dialogs.chooseSaveFile(messages.get("export.choose"), messages.get("export.fileName")).ifPresent(file ->
                runner.run(messages.get("export.working"), p -> imports.exportRegister(file, p),
                        rows -> dialogs.info(messages.get("export.title"), messages.get("export.done", rows, file.toString())),
                        e -> dialogs.error(messages.get("export.title"), text(e, "export.failed"))));
    }

    private String text(Throwable e, String fallback) {
        return e instanceof MessageException m ? m.message(messages) : messages.get(fallback);
    }
}
