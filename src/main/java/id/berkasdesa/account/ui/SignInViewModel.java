package id.berkasdesa.account.ui;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.account.Passwords;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Session;
import id.berkasdesa.common.ui.BackgroundTasks;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Signing in, creating the first Administrator, and unlocking the window, without the window: the
 * password is checked on the worker (Argon2id takes a fraction of a second); what went wrong is
 * {@link #message()}, in the operator's words. The password is never kept after the attempt.
 */
public final class SignInViewModel {

    /** What the screen is for. */
    public enum Mode { SIGN_IN, FIRST_ADMINISTRATOR, UNLOCK }

    /**
     * What signing in calls: the account service of an open store, or, on an encrypted store not yet
     * open, a door that first unlocks the store's key with the same name and password.
     */
    public interface Door {
        AccountService.SignedIn signIn(String name, char[] password);

        String createFirstAdministrator(String name, char[] password);

        static Door of(AccountService accounts) {
            return new Door() {
                @Override
                public AccountService.SignedIn signIn(String name, char[] password) {
                    return accounts.signIn(name, password);
                }

                @Override
                public String createFirstAdministrator(String name, char[] password) {
                    return accounts.createFirstAdministrator(name, password);
                }
            };
        }
    }

    public final StringProperty name = new SimpleStringProperty("");
    private final Door accounts;
    private final Messages messages;
    private final BackgroundTasks tasks;
    private final Mode mode;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public SignInViewModel(AccountService accounts, Messages messages, BackgroundTasks tasks, Mode mode) {
        this(Door.of(accounts), messages, tasks, mode);
    }

    public SignInViewModel(Door accounts, Messages messages, BackgroundTasks tasks, Mode mode) {
        this.accounts = accounts;
        this.messages = messages;
        this.tasks = tasks;
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** Signs in (or unlocks: the same person again). Clears {@code password} once read. */
    public void signIn(char[] password, Consumer<AccountService.SignedIn> done) {
        if (busy.get()) {
            return;
        }
        if (name.get().isBlank()) {
            message.set(messages.get("account.name.empty"));
            return;
        }
        String who = name.get();
        id.berkasdesa.common.Trace.mark("signin-enter");
        run(password, () -> accounts.signIn(who, password), done);
    }

    /**
     * The store's first Administrator. @param repeat the password typed again; both are cleared
     * @param done given the recovery code, to be shown once
     */
    public void createFirst(char[] password, char[] repeat, Consumer<String> done) {
        if (busy.get()) {
            return;
        }
        boolean same = Arrays.equals(password, repeat);
        Arrays.fill(repeat, '\0');
        if (!same) {
            Arrays.fill(password, '\0');
            message.set(messages.get("signin.first.mismatch"));
            return;
        }
        var problem = Passwords.problem(password);
        if (problem.isPresent()) {
            Arrays.fill(password, '\0');
            message.set(messages.get(problem.get(), Passwords.MIN_LENGTH));
            return;
        }
        String who = name.get();
        run(password, () -> accounts.createFirstAdministrator(who, password), done);
    }

    /** Who acts after a sign-in. */
    public Session session(AccountService.SignedIn in) {
        return in.session();
    }

    private interface Call<T> {
        T call();
    }

    private <T> void run(char[] password, Call<T> call, Consumer<T> done) {
        busy.set(true);
        message.set(messages.get("signin.working"));
        tasks.run("", p -> {
            try {
                return call.call();
            } finally {
                Arrays.fill(password, '\0');
            }
        }, result -> {
            busy.set(false);
            message.set("");
            done.accept(result);
        }, e -> {
            busy.set(false);
            message.set(e instanceof MessageException m ? m.message(messages) : messages.get("signin.error"));
        });
    }
}
