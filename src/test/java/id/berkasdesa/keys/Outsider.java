package id.berkasdesa.keys;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Someone with a copy of the data folder and one account's password, outside the app: the key file
 * unwrapped with that password, then the H2 file opened with plain JDBC (none of the app's store code)
 * and changed with SQL.
 */
public final class Outsider {

    private Outsider() {
    }

    /** A connection to the store of {@code dir} as {@code name}'s password opens it; the caller closes it. */
    public static Connection connect(Path dir, String name, String password) throws java.sql.SQLException {
        String fileKey = KeyRing.unlock(dir, name, password.toCharArray()).key().fileKey();
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("berkas-desa-terenkripsi")
                + ";CIPHER=AES", "berkas", fileKey + " ");
    }

    /** Runs {@code sql} on the store, then shuts the file so that the next process finds it free. */
    public static void run(Path dir, String name, String password, String... sql) throws java.sql.SQLException {
        try (Connection c = connect(dir, name, password); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
            s.execute("SHUTDOWN");
        }
    }
}
