package id.berkasdesa.account.ui;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * The screen before any personal data: sign in, or (a store without accounts) create the first
 * Administrator, or unlock the window after it locked itself. Keyboard: name, Enter or Tab,
 * password, Enter.
 */
public final class SignInView {

    @FXML HBox root;
    @FXML Label titleLabel, introLabel, repeatLabel, messageLabel;
    @FXML TextField nameField;
    @FXML PasswordField passwordField, repeatField;
    @FXML Button signInButton;
    @FXML Hyperlink forgotLink;

    private final SignInViewModel vm;
    private final Messages messages;
    private final Runnable forgot;
    private final Parent view;
    private Consumer<AccountService.SignedIn> signedIn = s -> { };
    private Consumer<String> created = c -> { };

    /** @param forgot opens the recovery (the recovery code resets the Administrator's password) */
    public SignInView(SignInViewModel vm, Messages messages, Runnable forgot) {
        this.vm = vm;
        this.messages = messages;
        this.forgot = forgot;
        this.view = Fxml.load(this, messages);
    }

    public Parent view() {
        return view;
    }

    public SignInView onSignedIn(Consumer<AccountService.SignedIn> listener) {
        this.signedIn = listener;
        return this;
    }

    /** Another office's words above the form (a Dinas Sosial's first Administrator adds Verifikator and Pengesah, not operators). */
    public SignInView intro(String text) {
        introLabel.setText(text);
        return this;
    }

    /** For the first Administrator: told the recovery code, to show once. */
    public SignInView onCreated(Consumer<String> listener) {
        this.created = listener;
        return this;
    }

    @FXML
    void initialize() {
        boolean first = vm.mode() == SignInViewModel.Mode.FIRST_ADMINISTRATOR;
        boolean unlock = vm.mode() == SignInViewModel.Mode.UNLOCK;
        titleLabel.setText(messages.get(first ? "signin.first.title" : unlock ? "signin.unlock.title" : "signin.title"));
        introLabel.setText(messages.get(first ? "signin.first.intro" : unlock ? "signin.unlock.intro" : "signin.intro"));
        signInButton.setText(messages.get(first ? "signin.first.button" : unlock ? "signin.unlock.button" : "signin.button"));
        for (var n : new javafx.scene.Node[] {repeatLabel, repeatField}) {
            n.setVisible(first);
            n.managedProperty().bind(n.visibleProperty());
        }
        forgotLink.setVisible(!first);
        nameField.textProperty().bindBidirectional(vm.name);
        // unlocking: the same person types the password; someone else may change the name and sign in instead
        messageLabel.textProperty().bind(vm.message());
        messageLabel.managedProperty().bind(messageLabel.textProperty().isNotEmpty());
        signInButton.disableProperty().bind(vm.busy());
        // Enter moves on, and submits from the last field; consumed, so the default button does not fire too
        nameField.setOnAction(e -> {
            e.consume();
            passwordField.requestFocus();
        });
        passwordField.setOnAction(e -> {
            e.consume();
            if (first) {
                repeatField.requestFocus();
            } else {
                submit();
            }
        });
        repeatField.setOnAction(e -> {
            e.consume();
            submit();
        });
        Platform.runLater(() -> (unlock || !vm.name.get().isBlank() ? passwordField : nameField).requestFocus());
    }

    @FXML
    void submit() {
        // what is typed after Enter (Ctrl+2, Ctrl+N, a No. KK) waits for the page the sign-in opens
        Runnable ready = id.berkasdesa.common.ui.TypeAhead.hold(passwordField);
        javafx.beans.value.ChangeListener<Boolean> done = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (!is) {
                    o.removeListener(this);
                    Platform.runLater(ready); // after the signed-in callback has shown the next page
                }
            }
        };
        vm.busy().addListener(done);
        char[] password = passwordField.getText().toCharArray();
        passwordField.clear();
        if (vm.mode() == SignInViewModel.Mode.FIRST_ADMINISTRATOR) {
            char[] repeat = repeatField.getText().toCharArray();
            repeatField.clear();
            vm.createFirst(password, repeat, created);
        } else {
            vm.signIn(password, signedIn);
        }
        if (!vm.busy().get()) {
            vm.busy().removeListener(done);
            ready.run(); // refused at once (no name, passwords differ): the keys stay here
        }
        Platform.runLater(passwordField::requestFocus);
    }

    @FXML
    void forgot() {
        forgot.run();
    }

    /**
     * The recovery code, once, grouped, with what to do with it; offers the printable sheet for the
     * office safe.
     */
    public static void showRecoveryCode(Messages messages, DialogService dialogs, String code, String village, String admin) {
        if (!dialogs.confirm(messages.get("signin.code.title"), messages.get("signin.code.text", code),
                messages.get("signin.code.sheet"), messages.get("signin.code.done"))) {
            return;
        }
        dialogs.chooseSaveFile(messages.get("signin.code.sheet"), "lembar-pemulihan.pdf").ifPresent(target -> {
            try {
                id.berkasdesa.account.RecoverySheet.save(messages, village, admin, code, java.time.LocalDate.now(), target);
                dialogs.info(messages.get("signin.code.title"), messages.get("signin.code.saved", target.toString()));
            } catch (java.io.IOException e) {
                dialogs.error(messages.get("signin.code.title"), messages.get("signin.code.failed", target.toString()));
            }
        });
    }
}
