package id.berkasdesa.db;

import id.berkasdesa.common.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The user and password this PC connects to an office's server with, when the officer chose "Ingat di
 * PC ini" in the window's server sign-in: kept in the PC's work folder for that server
 * ({@link Server.Address#workDir}), readable by the PC's user alone (0600 where the file system knows
 * POSIX permissions; on Windows the data folder is in the user's own profile). It is the server's
 * account, shared by the office's PCs, not an officer's: each officer still signs in to Berkas Desa
 * with a name and password of their own. {@code BERKAS_DESA_DB_USER} / {@code BERKAS_DESA_DB_PASSWORD}
 * come first when both are set.
 */
public record ServerLogin(String user, String password) {

    static final String FILE = "server-login.properties";

    public ServerLogin {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a server login needs a user and a password");
        }
    }

    @Override
    public String toString() {
        return "ServerLogin[" + user + "]"; // never the password, in a log or a message
    }

    /** The login to use: the environment's when both variables are set, else the one kept on this PC, else none. */
    public static Optional<ServerLogin> of(String envUser, String envPassword, Path workDir) {
        if (envUser != null && !envUser.isBlank() && envPassword != null && !envPassword.isEmpty()) {
            return Optional.of(new ServerLogin(envUser, envPassword));
        }
        return saved(workDir);
    }

    /** The login kept in {@code workDir}; empty when there is none, or it cannot be read (then it is asked again). */
    public static Optional<ServerLogin> saved(Path workDir) {
        Path file = workDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String user = p.getProperty("user");
        String password = p.getProperty("password");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServerLogin(user, password));
    }

    /** Keeps this login in {@code workDir}, replacing one kept before; written whole or not at all. */
    public void save(Path workDir) {
        try {
            id.berkasdesa.common.FilePermissions.ownerOnlyFolder(workDir);
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", password);
            AtomicFile.writePrivate(workDir.resolve(FILE), out -> {
                java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "Berkas Desa: pengguna server data kantor (dipakai PC ini saja)");
                w.flush();
            });
        } catch (IOException e) {
            throw new StoreException("store.error.folder", e, workDir.toString());
        }
    }

    /** Removes the login kept in {@code workDir}, if any (the officer chose not to keep it). */
    public static void forget(Path workDir) {
        try {
            Files.deleteIfExists(workDir.resolve(FILE));
        } catch (IOException e) {
            throw new StoreException("store.error.folder", e, workDir.toString());
        }
    }
}
