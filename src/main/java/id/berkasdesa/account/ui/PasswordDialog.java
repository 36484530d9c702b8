package id.berkasdesa.account.ui;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import java.util.Arrays;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/**
 * The signed-in user's own new password, typed twice: from the menu, and at once after a sign-in
 * with a password the Administrator set (then it cannot be skipped).
 */
public final class PasswordDialog {

    private PasswordDialog() {
    }

    /** @param required after a reset: no Batal; @return true once changed */
    public static boolean choose(AccountService accounts, Messages messages, DialogService dialogs, BackgroundTasks tasks,
            boolean required) {
        return ask(messages, dialogs, tasks, messages.get(required ? "account.signin.mustChange" : "signin.change.intro"), required,
                accounts::changeOwnPassword);
    }

    /**
     * A new password typed twice, given to {@code apply} (which may refuse it with a message: the
     * dialog stays open and says why). @return true once applied
     */
    public static boolean ask(Messages messages, DialogService dialogs, BackgroundTasks tasks, String introText,
            boolean required, java.util.function.Consumer<char[]> apply) {
        return ask(messages, dialogs, tasks, messages.get("signin.change.title"), introText, messages.get("signin.change.button"),
                required, null, null, apply);
    }

    /**
     * The same with a title and button of its own and, above the two password fields, {@code first}
     * (the recovery code's label and field), with {@code focus} in it getting the focus first.
     */
    static boolean ask(Messages messages, DialogService dialogs, BackgroundTasks tasks, String title, String introText,
            String button,
            boolean required, javafx.scene.Node first, javafx.scene.Node focus,
            java.util.function.Consumer<char[]> apply) {
        PasswordField password = new PasswordField();
        password.setId("newPasswordField");
        PasswordField repeat = new PasswordField();
        repeat.setId("newRepeatField");
        Label message = new Label();
        message.setId("newPasswordMessage");
        message.getStyleClass().addAll("field-message", "field-error");
        message.setWrapText(true);
        Label intro = new Label(introText);
        intro.setWrapText(true);
        Label newLabel = new Label(messages.get("signin.recover.password"));
        newLabel.setLabelFor(password);
        Label again = new Label(messages.get("signin.repeat"));
        again.setLabelFor(repeat);
        VBox box = new VBox(4, intro);
        if (first != null) {
            box.getChildren().add(first);
        }
        box.getChildren().addAll(newLabel, password, again, repeat, message);
        box.setPrefWidth(460);
        box.setPadding(new javafx.geometry.Insets(10, 6, 4, 6));
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(title);
        ButtonType ok = new ButtonType(button, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(required ? new ButtonType[] {ok} : new ButtonType[] {ok, cancel});
        dialog.getDialogPane().setContent(box);
        password.setOnAction(e -> {
            e.consume(); // Enter moves to the second field; it does not press the default button yet
            repeat.requestFocus();
        });
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes itself once the worker has applied the password
            char[] p = password.getText().toCharArray();
            char[] r = repeat.getText().toCharArray();
            password.clear();
            repeat.clear();
            password.requestFocus();
            boolean same = Arrays.equals(p, r);
            Arrays.fill(r, '\0');
            if (!same) {
                Arrays.fill(p, '\0');
                message.setText(messages.get("signin.first.mismatch"));
                return;
            }
            // Argon2id takes a fraction of a second: on the worker, never on the JavaFX thread
            okButton.setDisable(true);
            message.setText(messages.get("signin.working"));
            tasks.run("", w -> {
                try {
                    apply.accept(p);
                    return true;
                } finally {
                    Arrays.fill(p, '\0');
                }
            }, done -> {
                dialog.setResult(true);
                dialog.close();
            }, err -> {
                okButton.setDisable(false);
                message.setText(err instanceof MessageException m ? m.message(messages) : messages.get("signin.error"));
            });
        });
        javafx.scene.Node start = focus != null ? focus : password;
        if (required) {
            dialog.setOnCloseRequest(e -> {
                if (dialog.getResult() == null || !dialog.getResult()) {
                    e.consume();
                }
            });
        }
        dialog.setResultConverter(b -> b == ok);
        dialog.setOnShown(e -> start.requestFocus());
        return dialogs.show(dialog).orElse(false);
    }
}
