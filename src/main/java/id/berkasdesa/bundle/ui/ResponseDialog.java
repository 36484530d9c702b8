package id.berkasdesa.bundle.ui;

import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The preview of a Dinas Sosial response: every change (old → new status, reason) and every row skipped, then Terapkan. */
final class ResponseDialog {

    @FXML VBox root;
    @FXML Label summaryLabel, skippedTitle;
    @FXML TableView<ResponseService.Change> changes;
    @FXML TableColumn<ResponseService.Change, String> colNama, colNik, colChange, colReason;
    @FXML ListView<String> skipped;

    private final Messages messages;
    private final Parent view;

    private ResponseDialog(Messages messages) {
        this.messages = messages;
        this.view = Fxml.load(this, messages);
    }

    /** True when the operator chose to apply the changes. */
    static boolean confirm(ResponseViewModel vm, Messages messages, DialogService dialogs, ResponseService.Preview p) {
        ResponseDialog d = new ResponseDialog(messages);
        d.summaryLabel.setText(vm.summary(p));
        d.changes.getItems().setAll(p.changes());
        d.skipped.getItems().setAll(vm.skippedLines(p));
        d.skipped.setVisible(!p.skipped().isEmpty());
        d.skippedTitle.setVisible(!p.skipped().isEmpty());
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(messages.get("response.title"));
        dialog.setResizable(true);
        ButtonType apply = new ButtonType(messages.get("response.apply", p.changes().size()), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get(p.changes().isEmpty() ? "dialog.ok" : "dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(p.changes().isEmpty() ? new ButtonType[] {cancel}
                : new ButtonType[] {apply, cancel});
        dialog.getDialogPane().setContent(d.view);
        // wider than the theme's 600 px for dialogs: the table needs it; fits 1366x768 with the taskbar
        dialog.getDialogPane().setStyle("-fx-max-width: 1100px;");
        dialog.getDialogPane().setPrefSize(1000, 620);
        dialog.setResultConverter(b -> b == apply);
        dialog.setOnShown(e -> d.changes.requestFocus());
        Optional<Boolean> answer = dialogs.show(dialog);
        return answer.orElse(false);
    }

    @FXML
    void initialize() {
        colNama.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nama()));
        colNik.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nik()));
        colChange.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get(c.getValue().before().key()) + " → "
                + messages.get(c.getValue().after().key())));
        colReason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason() == null ? ""
                : c.getValue().reason()));
        id.berkasdesa.common.ui.WrappingCells.install(colReason);
        skipped.managedProperty().bind(skipped.visibleProperty());
        skippedTitle.managedProperty().bind(skippedTitle.visibleProperty());
    }
}
