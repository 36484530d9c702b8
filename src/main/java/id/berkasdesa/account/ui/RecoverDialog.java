package id.berkasdesa.account.ui;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import java.util.Arrays;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * "Lupa kata sandi": the recovery code from the office safe and a new password for the
 * Administrator. Checked when Atur ulang is pressed (the dialog stays open with what is wrong).
 */
public final class RecoverDialog {

    private RecoverDialog() {
    }

    /** @return the Administrator's name once the password was reset; empty when cancelled */
    public static Optional<String> show(AccountService accounts, Messages messages, DialogService dialogs) {
        TextField code = new TextField();
        code.setId("recoveryCodeField");
        code.setPromptText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX");
        PasswordField password = new PasswordField();
        password.setId("recoverPasswordField");
        PasswordField repeat = new PasswordField();
        repeat.setId("recoverRepeatField");
        Label message = new Label();
        message.setId("recoverMessage");
        message.getStyleClass().addAll("field-message", "field-error");
        message.setWrapText(true);
        Label intro = new Label(messages.get("signin.recover.intro"));
        intro.setWrapText(true);
        VBox box = new VBox(4, intro, label(messages, "signin.recover.code", code), code,
                label(messages, "signin.recover.password", password), password,
                label(messages, "signin.repeat", repeat), repeat, message);
        box.setPrefWidth(480);
        box.setPadding(new javafx.geometry.Insets(10, 6, 4, 6));
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(messages.get("signin.recover.title"));
        ButtonType ok = new ButtonType(messages.get("signin.recover.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok,
                new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(box);
        String[] admin = new String[1];
        ((Button) dialog.getDialogPane().lookupButton(ok)).addEventFilter(ActionEvent.ACTION, e -> {
            char[] p = password.getText().toCharArray();
            char[] r = repeat.getText().toCharArray();
            try {
                if (!Arrays.equals(p, r)) {
                    message.setText(messages.get("signin.first.mismatch"));
                    e.consume();
                    return;
                }
                admin[0] = accounts.recover(code.getText(), p);
            } catch (MessageException m) {
                message.setText(m.message(messages));
                e.consume();
            } finally {
                Arrays.fill(p, '\0');
                Arrays.fill(r, '\0');
                password.clear();
                repeat.clear();
            }
        });
        dialog.setResultConverter(b -> b == ok ? admin[0] : null);
        dialog.setOnShown(e -> code.requestFocus());
        return dialogs.show(dialog);
    }

    private static Label label(Messages messages, String key, javafx.scene.Node field) {
        Label l = new Label(messages.get(key));
        l.setLabelFor(field);
        return l;
    }
}
