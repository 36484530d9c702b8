package id.berkasdesa.bundle.ui;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.bundle.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.household.DateText;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
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
 */
final class ExportDialog {

    /** A row of the choice: a request, and whether it goes. */
    static final class Row {
        final RequestSummary request;
        final SimpleBooleanProperty send;

        Row(RequestSummary request) {
            this.request = request;
            this.send = new SimpleBooleanProperty(request.status() == RequestStatus.SIAP_KIRIM);
        }
    }

    @FXML VBox root;
    @FXML Button readyButton, noneButton, folderButton;
    @FXML Label countLabel, messageLabel, sampleLabel, warningLabel;
    @FXML TableView<Row> table;
    @FXML TableColumn<Row, Boolean> colSend;
    @FXML TableColumn<Row, String> colNama, colNik, colStatus, colUrgent, colDeadline;
    @FXML TextField folderField;
    @FXML ProgressBar progressBar;

    private final BundleService service;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks runner;
    private final Runnable sent;
    private final Parent view;
    private Path folder;
    private Progress running;
    private java.time.LocalDate today = java.time.LocalDate.now();

    private ExportDialog(BundleService service, Messages messages, DialogService dialogs, BackgroundTasks runner, Runnable sent) {
        this.service = service;
        this.messages = messages;
        this.dialogs = dialogs;
        this.runner = runner;
        this.sent = sent;
        this.view = Fxml.load(this, messages);
    }

    /** @param sent told after a bundle was written and its requests recorded as sent */
    static void show(BundleService service, Messages messages, DialogService dialogs, BackgroundTasks runner,
            BundleService.Choice choice, Runnable sent) {
        ExportDialog d = new ExportDialog(service, messages, dialogs, runner, sent);
        d.today = choice.today();
        d.sampleLabel.setText(choice.sampleVillage() ? messages.get("bundle.export.sampleWarning") : "");
        d.rows(choice.candidates());
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("bundle.export.title"));
        dialog.setResizable(true);
        ButtonType make = new ButtonType(messages.get("bundle.export.make"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.get("bundle.export.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(make, close);
        dialog.getDialogPane().setContent(d.view);
        // wider than the theme's 600 px for dialogs: the table needs it; fits 1366x768 with the taskbar
        dialog.getDialogPane().setStyle("-fx-max-width: 1100px;");
        dialog.getDialogPane().setPrefSize(1000, 620);
        Button makeButton = (Button) dialog.getDialogPane().lookupButton(make);
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        makeButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open: progress, then the result
            d.start(makeButton, closeButton);
        });
        closeButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (d.running != null) {
                e.consume();
                d.running.cancel();
                d.messageLabel.setText(messages.get("bundle.export.cancelling"));
            }
        });
        dialog.setOnCloseRequest(e -> {
            if (d.running != null) {
                e.consume();
            }
        });
        dialog.setOnShown(e -> d.table.requestFocus());
        dialogs.show(dialog);
    }

    @FXML
    void initialize() {
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
                r.send.set(!r.send.get());
                e.consume();
            }
        });
        progressBar.setVisible(false);
        messageLabel.managedProperty().bind(messageLabel.textProperty().isNotEmpty());
        sampleLabel.managedProperty().bind(sampleLabel.textProperty().isNotEmpty());
        warningLabel.managedProperty().bind(warningLabel.textProperty().isNotEmpty());
    }

    @FXML
    void selectReady() {
        table.getItems().forEach(r -> r.send.set(r.request.status() == RequestStatus.SIAP_KIRIM));
    }

    @FXML
    void selectNone() {
        table.getItems().forEach(r -> r.send.set(false));
    }

    @FXML
    void chooseFolder() {
        dialogs.chooseFolder(messages.get("bundle.export.chooseFolder")).ifPresent(f -> {
            folder = f;
            folderField.setText(f.toString());
            messageLabel.setText("");
        });
    }

    /** The requests to choose from; the count follows every tick. */
    private void rows(List<RequestSummary> candidates) {
        table.getItems().setAll(candidates.stream().map(Row::new).toList());
        table.getItems().forEach(r -> r.send.addListener((o, a, b) -> count()));
        count();
    }

    private List<UUID> chosen() {
        return table.getItems().stream().filter(r -> r.send.get()).map(r -> r.request.id()).toList();
    }

    private void count() {
        long resend = table.getItems().stream().filter(r -> r.send.get() && r.request.status() == RequestStatus.TERKIRIM).count();
        countLabel.setText(messages.get("bundle.export.count", chosen().size(), resend));
        // a lost stick's requests can go again, but one past its 6-month limit will likely be refused
        List<String> past = table.getItems().stream().filter(r -> r.send.get() && r.request.deadline() != null
                && r.request.deadline().isBefore(today)).map(r -> r.request.nama()).toList();
        warningLabel.setText(past.isEmpty() ? "" : messages.get("bundle.export.pastDeadline", past.size(), String.join(", ", past)));
    }

    private void start(Button makeButton, Button closeButton) {
        if (running != null) {
            return;
        }
        List<UUID> ids = chosen();
        if (ids.isEmpty()) {
            messageLabel.setText(messages.get("bundle.error.nothing"));
            return;
        }
        if (folder == null) {
            chooseFolder();
            if (folder == null) {
                messageLabel.setText(messages.get("bundle.export.noFolder"));
                return;
            }
        }
        messageLabel.getStyleClass().removeAll("saved");
        messageLabel.setText(messages.get("bundle.export.working"));
        progressBar.setVisible(true);
        progressBar.setProgress(0);
        AtomicBoolean pending = new AtomicBoolean();
        double[] latest = new double[1];
        Progress progress = new Progress(p -> {
            synchronized (latest) {
                latest[0] = p;
            }
            if (pending.compareAndSet(false, true)) { // one update per pulse, however fast the bytes go
                Platform.runLater(() -> {
                    pending.set(false);
                    synchronized (latest) {
                        progressBar.setProgress(latest[0]);
                    }
                });
            }
        });
        running = progress;
        setBusy(true, makeButton, closeButton);
        Path target = folder;
        runner.run(messages.get("bundle.export.working"), p -> {
            BundleService.Exported exported = service.export(ids, target, progress);
            return new Done(exported, service.candidates());
        }, done -> {
            BundleService.Exported e = done.exported();
            running = null;
            setBusy(false, makeButton, closeButton);
            progressBar.setProgress(1);
            messageLabel.getStyleClass().add("saved");
            messageLabel.setText(messages.get("bundle.export.done", e.file().toString(), e.requests(), e.resent(),
                    e.documents(), BundleService.megabytes(e.zipBytes())));
            sent.run();
            rows(done.candidates());
        }, e -> {
            running = null;
            setBusy(false, makeButton, closeButton);
            progressBar.setVisible(false);
            messageLabel.setText(e instanceof MessageException m ? m.message(messages) : messages.get("bundle.export.failed"));
        });
    }

    private record Done(BundleService.Exported exported, List<RequestSummary> candidates) {
    }

    private void setBusy(boolean busy, Button makeButton, Button closeButton) {
        makeButton.setDisable(busy);
        table.setDisable(busy);
        readyButton.setDisable(busy);
        noneButton.setDisable(busy);
        folderButton.setDisable(busy);
        closeButton.setText(messages.get(busy ? "bundle.export.cancel" : "bundle.export.close"));
    }
}
