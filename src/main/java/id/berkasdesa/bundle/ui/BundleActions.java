package id.berkasdesa.bundle.ui;

import id.berkasdesa.exchange.District;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;

/**
 * The three bundle actions of the menu: Kirim ke Dinas Sosial, Periksa paket, Baca balasan Dinas
 * Sosial. Reading and writing run on the worker; dialogs on the JavaFX thread.
 */
public final class BundleActions {

    private final BundleService bundles;
    private final ResponseService responses;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Runnable changed;

    /** @param changed told after requests changed status (a bundle sent, a response applied) */
    public BundleActions(BundleService bundles, ResponseService responses, Messages messages, BackgroundTasks runner,
            DialogService dialogs, Runnable changed) {
        this.bundles = bundles;
        this.responses = responses;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.changed = changed;
    }

    /** @param afterSent told of the folder (the stick) once a bundle was written there and the dialog closed */
    public void export(java.util.function.Consumer<java.nio.file.Path> afterSent) {
        runner.run("", p -> bundles.choice(), choice ->
                ExportDialog.show(bundles, messages, dialogs, runner, choice, changed, afterSent), e -> failed("bundle.export.title", e));
    }

    public void verify() {
        dialogs.chooseOpenFile(messages.get("bundle.verify.choose"), List.of("zip")).ifPresent(file ->
                runner.run(messages.get("bundle.verify.working"), p -> District.verify(file, new Progress(p)), v ->
                        dialogs.info(messages.get("bundle.verify.title"), District.describe(file, v, messages, true)),
                        e -> dialogs.error(messages.get("bundle.verify.title"), messages.get("bundle.verify.bad",
                                file.getFileName().toString(), text(e)))));
    }

    public void readResponse() {
        dialogs.chooseOpenFile(messages.get("response.choose"), List.of("xlsx", "zip")).ifPresent(this::readResponse);
    }

    private void readResponse(Path file) {
        ResponseViewModel vm = new ResponseViewModel(responses, messages, runner);
        vm.read(file, preview -> {
            if (!ResponseDialog.confirm(vm, messages, dialogs, preview)) {
                return;
            }
            vm.apply(preview, applied -> {
                changed.run();
                dialogs.info(messages.get("response.title"), vm.appliedText(applied));
            }, e -> failed("response.title", e));
        }, e -> failed("response.title", e));
    }

    private void failed(String titleKey, Throwable e) {
        dialogs.error(messages.get(titleKey), text(e));
    }

    private String text(Throwable e) {
        return e instanceof MessageException m ? m.message(messages) : messages.get("bundle.export.failed");
    }
}
