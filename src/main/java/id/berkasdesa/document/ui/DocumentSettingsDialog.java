package id.berkasdesa.document.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.document.RequirementPreset;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;

/** The village's document settings: which documents a request needs, the upload size limit, how long letters count. */
public final class DocumentSettingsDialog {

    @FXML ComboBox<RequirementPreset> presetBox;
    @FXML TextField maxKbField, expiryField;
    @FXML Label problemLabel;

    private final Messages messages;
    private final Parent view;

    private DocumentSettingsDialog(Messages messages) {
        this.messages = messages;
        this.view = Fxml.load(this, messages);
    }

    /** Shows the settings as they are; the answer, when the operator saved valid values. */
    public static Optional<DocumentSettings> ask(Messages messages, DialogService dialogs, DocumentSettings current) {
        DocumentSettingsDialog d = new DocumentSettingsDialog(messages);
        d.presetBox.setValue(current.preset());
        d.maxKbField.setText(String.valueOf(current.maxCopyBytes() / 1000));
        d.expiryField.setText(String.valueOf(current.expiryMonths()));

        return dialogs.form(messages.get("document.settings.title"), d.view, d.presetBox, d::answer,
                () -> d.problemLabel.setText(messages.get("document.settings.invalid",
                        DocumentSettings.MIN_COPY_BYTES / 1000, DocumentSettings.MAX_COPY_BYTES / 1000)));
    }

    @FXML
    void initialize() {
        presetBox.getItems().setAll(RequirementPreset.values());
        presetBox.setButtonCell(cell());
        presetBox.setCellFactory(l -> cell());
        KeyboardEntry.enterMovesFocus(List.of(presetBox, maxKbField, expiryField));
    }

    private ListCell<RequirementPreset> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(RequirementPreset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? "" : messages.get(p.key()));
            }
        };
    }

    private Optional<DocumentSettings> answer() {
        try {
            long kb = Long.parseLong(maxKbField.getText().strip());
            int months = Integer.parseInt(expiryField.getText().strip());
            return Optional.of(new DocumentSettings(presetBox.getValue(), kb * 1000, months));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
