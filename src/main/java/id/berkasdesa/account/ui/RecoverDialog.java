package id.berkasdesa.account.ui;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import java.util.Optional;
import javafx.scene.control.Label;
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
    public static Optional<String> show(AccountService accounts, Messages messages, DialogService dialogs,
            BackgroundTasks tasks) {
        return show(accounts::recover, messages, dialogs, tasks);
    }

    /** What resets the password: the open store's accounts, or a door that first unlocks an encrypted store with the code. */
    public interface Recovery {
        String recover(String typedCode, char[] password);
    }

    public static Optional<String> show(Recovery accounts, Messages messages, DialogService dialogs,
            BackgroundTasks tasks) {
        TextField code = new TextField();
        code.setId("recoveryCodeField");
        code.setPromptText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX");
        Label label = new Label(messages.get("signin.recover.code"));
        label.setLabelFor(code);
        String[] admin = new String[1];
        boolean done = PasswordDialog.ask(messages, dialogs, tasks, messages.get("signin.recover.title"),
                messages.get("signin.recover.intro"), messages.get("signin.recover.button"), false, new VBox(4, label, code), code,
                p -> admin[0] = accounts.recover(code.getText(), p));
        return done ? Optional.ofNullable(admin[0]) : Optional.empty();
    }
}
