package id.berkasdesa.bundle.ui;

import java.nio.file.Path;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.ui.ExportViewModel.Row;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.DateText;
import id.berkasdesa.request.RequestStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * "Kirim ke Dinas Sosial": the operator ticks requests (all ready ones to start with; sent ones can
 * go again), picks the stick, and the bundle is written and verified in the background with a
 * progress bar; Batal stops it and leaves nothing behind. The dialog stays open with the result.
 * What it shows and does is {@link ExportViewModel}'s; this class binds and draws.
 */
final class ExportDialog {

    @FXML VBox root;
    @FXML Button readyButton, noneButton, folderButton;
    @FXML Label countLabel, messageLabel, sampleLabel, warningLabel, protectionLabel;
    @FXML javafx.scene.control.CheckBox plainCheck;
    @FXML TableView<Row> table;
    @FXML TableColumn<Row, Boolean> colSend;
    @FXML TableColumn<Row, String> colNama, colNik, colStatus, colUrgent, colDeadline;
    @FXML TextField folderField;
    @FXML ProgressBar progressBar;

    private final ExportViewModel vm;
    private final Messages messages;
    private final DialogService dialogs;
    private final Parent view;

    private ExportDialog(ExportViewModel vm, Messages messages, DialogService dialogs) {
        this.vm = vm;
        this.messages = messages;
        this.dialogs = dialogs;
        this.view = Fxml.load(this, messages);
    }

    /** @param sent told after a bundle was written and its requests recorded as sent */
    static void show(BundleService service, Messages messages, DialogService dialogs, BackgroundTasks runner,
            BundleService.Choice choice, Runnable sent, java.util.function.Consumer<Path> afterSent) {
        ExportViewModel vm = new ExportViewModel(service, messages, runner, sent);
        vm.load(choice);
        ExportDialog d = new ExportDialog(vm, messages, dialogs);
        Dialog<Void> dialog = DialogService.wide(messages.get("bundle.export.title"), d.view,
                messages.get("bundle.export.make"), messages.get("bundle.export.close"), 620);
        ButtonType make = dialog.getDialogPane().getButtonTypes().get(0);
        ButtonType close = dialog.getDialogPane().getButtonTypes().get(1);
        Button makeButton = (Button) dialog.getDialogPane().lookupButton(make);
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        makeButton.disableProperty().bind(vm.busy());
        vm.busy().addListener((o, was, busy) ->
                closeButton.setText(messages.get(busy ? "bundle.export.cancel" : "bundle.export.close")));
        makeButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open: progress, then the result
            d.start();
        });
        closeButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.cancel()) {
                e.consume();
            }
        });
        dialog.setOnCloseRequest(e -> {
            if (vm.busy().get()) {
                e.consume();
            }
        });
        dialog.setOnShown(e -> d.table.requestFocus());
        dialogs.show(dialog);
        if (vm.done().get() && vm.folder().get() != null) {
            afterSent.accept(vm.folder().get()); // the stick is still in: a backup to it is offered
        }
    }

    @FXML
    void initialize() {
        table.setItems(vm.rows());
        colSend.setCellValueFactory(c -> c.getValue().send);
        colSend.setCellFactory(CheckBoxTableCell.forTableColumn(colSend));
        colSend.setEditable(true);
        colNama.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().request.nama()));
        colNik.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().request.nik()));
        colStatus.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().request.status() == RequestStatus.TERKIRIM
                ? messages.get("bundle.export.resend")
                : messages.get(c.getValue().request.status().key())));
        colUrgent.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().request.urgentCategory() == null ? ""
                : messages.get(c.getValue().request.urgentCategory().key())));
        colDeadline.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().request.deadline() == null ? ""
                : DateText.format(c.getValue().request.deadline())));
        // Space ticks the selected row: the whole choice can be made from the keyboard
        table.setOnKeyPressed(e -> {
            Row r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && r != null) {
                vm.toggle(r);
                e.consume();
            }
        });
        countLabel.textProperty().bind(vm.count());
        warningLabel.textProperty().bind(vm.warning());
        sampleLabel.textProperty().bind(vm.sample());
        protectionLabel.textProperty().bind(vm.protection());
        protectionLabel.getStyleClass().setAll(vm.keyless().get() ? "warning-banner" : "info-banner");
        vm.keyless().addListener((o, a, keyless) -> protectionLabel.getStyleClass().setAll(keyless ? "warning-banner" : "info-banner"));
        plainCheck.visibleProperty().bind(vm.keyless());
        plainCheck.managedProperty().bind(vm.keyless());
        plainCheck.selectedProperty().bindBidirectional(vm.plainAccepted);
        plainCheck.disableProperty().bind(vm.busy());
        messageLabel.textProperty().bind(vm.message());
        vm.done().addListener((o, was, done) -> {
            if (done) {
                messageLabel.getStyleClass().add("saved");
            } else {
                messageLabel.getStyleClass().removeAll("saved");
            }
        });
        folderField.textProperty().bind(Bindings.createStringBinding(
                () -> vm.folder().get() == null ? "" : vm.folder().get().toString(), vm.folder()));
        progressBar.setVisible(false);
        vm.busy().addListener((o, was, busy) -> {
            if (busy) {
                progressBar.progressProperty().bind(vm.progress());
                progressBar.setVisible(true);
            } else {
                progressBar.progressProperty().unbind();
                progressBar.setProgress(1); // a finished bundle stays shown full; a failed one hides the bar
                progressBar.setVisible(vm.done().get());
            }
        });
        table.disableProperty().bind(vm.busy());
        readyButton.disableProperty().bind(vm.busy());
        noneButton.disableProperty().bind(vm.busy());
        folderButton.disableProperty().bind(vm.busy());
        messageLabel.managedProperty().bind(messageLabel.textProperty().isNotEmpty());
        sampleLabel.managedProperty().bind(sampleLabel.textProperty().isNotEmpty());
        warningLabel.managedProperty().bind(warningLabel.textProperty().isNotEmpty());
    }

    @FXML
    void selectReady() {
        vm.selectReady();
    }

    @FXML
    void selectNone() {
        vm.selectNone();
    }

    @FXML
    void chooseFolder() {
        dialogs.chooseFolder(messages.get("bundle.export.chooseFolder")).ifPresent(vm::folder);
    }

    private void start() {
        if (vm.folder().get() == null && !vm.chosen().isEmpty()) {
            chooseFolder();
        }
        vm.start();
    }
}
