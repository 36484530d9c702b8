package id.berkasdesa.common.ui;

import id.berkasdesa.common.Messages;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Every dialog of the app, owned by the main window, with buttons in Bahasa Indonesia. */
public final class DialogService {

    private final Messages messages;
    private Window owner;

    public DialogService(Messages messages) {
        this.messages = messages;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public void error(String title, String text) {
        alert(Alert.AlertType.ERROR, title, text, new ButtonType(messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE))
                .showAndWait();
    }

    public void info(String title, String text) {
        alert(Alert.AlertType.INFORMATION, title, text, new ButtonType(messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE))
                .showAndWait();
    }

    /** Yes/no question; true only when the operator chose {@code yes}. */
    public boolean confirm(String title, String text, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.YES);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.NO);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, text, yesButton, noButton);
        Optional<ButtonType> answer = a.showAndWait();
        return answer.isPresent() && answer.get() == yesButton;
    }

    private Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(null);
        Label content = new Label(text);
        content.setWrapText(true);
        content.setMaxWidth(560);
        a.getDialogPane().setContent(content);
        a.getDialogPane().setMinWidth(480);
        return a;
    }
}
