package id.berkasdesa.app;

import id.berkasdesa.cli.ServerSignIn;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The office server's login, asked once on a PC that has none the server takes: the connection is
 * made on the worker (a server across the office's network may take seconds to answer, up to its
 * ten-second timeout); what went wrong is {@link #message()}, and the officer corrects it and tries again.
 */
final class ServerSignInViewModel {

    final StringProperty user = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    /** Keep the login on this PC (on by default: it is asked once per PC, as the setting the IT officer gives). */
    final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** A connection under way: a second Enter meanwhile is ignored. */
    private boolean busy;
    private final ServerSignIn ask;
    private final Messages messages;
    private final BackgroundTasks tasks;

    ServerSignInViewModel(ServerSignIn ask, Messages messages, BackgroundTasks tasks) {
        this.ask = ask;
        this.messages = messages;
        this.tasks = tasks;
        user.set(ask.user());
        message.set(ask.refusedReason().orElse(""));
    }

    String address() {
        return ask.address();
    }

    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /**
     * Connects with what was typed; {@code connected} runs on the JavaFX thread once the server is this
     * app's store, {@code failed} once {@link #message()} says why it is not.
     */
    void connect(Runnable connected, Runnable failed) {
        if (busy) {
            return;
        }
        String u = user.get() == null ? "" : user.get().strip();
        String p = password.get() == null ? "" : password.get();
        if (u.isEmpty() || p.isEmpty()) {
            message.set(messages.get("server.signin.empty"));
            failed.run();
            return;
        }
        boolean keep = remember.get();
        busy = true;
        message.set(messages.get("server.signin.connecting"));
        tasks.run(messages.get("server.signin.connecting"), progress -> {
            ask.connector().connect(u, p, keep);
            return Boolean.TRUE;
        }, ok -> {
            busy = false;
            password.set("");
            message.set("");
            connected.run();
        }, e -> {
            busy = false;
            message.set(e instanceof MessageException me ? me.message(messages) : messages.get("store.error.open"));
            failed.run();
        });
    }
}
