package id.berkasdesa.app;

import id.berkasdesa.cli.ServerSignIn;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * A small window of its own before the app's, on a PC started with {@code --database} that has no
 * login the office's server takes: the server's address, its user and password (the IT officer's, not
 * an officer's own account), "Ingat di PC ini", Sambungkan (Enter) and Tutup (Esc). Once connected, the
 * app's window opens in the same stage as after any start.
 */
final class ServerSignInView {

    @FXML Label serverTitle, serverIntro, serverMessage;
    @FXML TextField serverUserField;
    @FXML PasswordField serverPasswordField;
    @FXML CheckBox serverRemember;
    @FXML Button serverConnect, serverClose;

    private final ServerSignInViewModel model;
    private final Messages messages;
    private final Parent view;
    private Runnable connected = () -> { };
    private Runnable close = () -> { };

    ServerSignInView(ServerSignIn ask, Messages messages, BackgroundTasks tasks) {
        this.model = new ServerSignInViewModel(ask, messages, tasks);
        this.messages = messages;
        this.view = Fxml.load(this, messages);
    }

    /** Shows the question in {@code stage}; {@code connected} once the server is the app's store, {@code close} on Tutup. */
    static void show(Stage stage, ServerSignIn ask, Messages messages, BackgroundTasks tasks, Runnable connected, Runnable close) {
        ServerSignInView v = new ServerSignInView(ask, messages, tasks);
        v.connected = connected;
        v.close = close;
        stage.setTitle(messages.get("app.title"));
        stage.setScene(new Scene(v.view));
        stage.setOnCloseRequest(e -> close.run());
        stage.show();
        (v.serverUserField.getText().isEmpty() ? v.serverUserField : v.serverPasswordField).requestFocus();
    }

    @FXML
    void initialize() {
        serverIntro.setText(messages.get("server.signin.intro", model.address()));
        serverUserField.textProperty().bindBidirectional(model.user);
        serverPasswordField.textProperty().bindBidirectional(model.password);
        serverRemember.selectedProperty().bindBidirectional(model.remember);
        serverMessage.textProperty().bind(model.message());
        // nothing is disabled while it connects (a disabled field hands the focus on, to Tutup, and the next
        // Enter would close the app): a second Enter meanwhile is ignored by the model; the message's place is
        // kept (three lines), so the window never has to grow or cut a label short when a reason shows
    }

    @FXML
    void connect() {
        model.connect(() -> connected.run(), () -> {
            // most often the password: typed over at once; Shift+Tab goes back to the user
            TextField field = serverUserField.getText().isBlank() ? serverUserField : serverPasswordField;
            field.requestFocus();
            field.selectAll();
        });
    }

    @FXML
    void close() {
        close.run();
    }
}
