package id.berkasdesa.cli;

import java.util.Optional;

/**
 * The window's question when an office's server needs a login this PC does not have (or the server
 * refused the one it has): where the server is, the user to offer, why it is asked again, and how to
 * connect with what the officer types.
 *
 * @param address the server, as the status bar shows it ({@code postgresql://HOST:PORT/DB})
 * @param user the user to put in the field (the one refused, or the environment's), or ""
 * @param refused why the last login did not do (the server's refusal, in the window's language), or null
 * @param connector connects with a login, keeps it on this PC or not, and makes the server this process's store
 */
public record ServerSignIn(String address, String user, String refused, Connector connector) {

    /** Connects: on success the server is this process's store; a refusal or a fault is a StoreException. */
    @FunctionalInterface
    public interface Connector {
        void connect(String user, String password, boolean remember);
    }

    public Optional<String> refusedReason() {
        return Optional.ofNullable(refused);
    }
}
