package id.berkasdesa.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the store lives when no {@code --data-dir} is given: the user's data folder, never the
 * install folder (upgrades and uninstalls must not touch it).
 */
public final class DataDir {

    private DataDir() {
    }

    public static Path defaultFor(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("BerkasDesa");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "BerkasDesa");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("berkas-desa");
    }

    public static Path defaultDir() {
        return defaultFor(System.getProperty("os.name"), System.getenv(), System.getProperty("user.home"));
    }
}
