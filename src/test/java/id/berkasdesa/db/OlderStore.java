package id.berkasdesa.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A store as an older release left it: only the migrations up to some version applied. */
public final class OlderStore {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private OlderStore() {
    }

    /**
     * Copies the migrations up to {@code version} (and {@code extra} name/content pairs) into
     * {@code folder} and returns it as a Flyway location.
     */
    public static String migrationsUpTo(Path folder, int version, String... extra) {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (Integer.parseInt(name.substring(1, name.indexOf("__"))) <= version) {
                    Files.copy(f, folder.resolve(name));
                }
            }
            for (int i = 0; i < extra.length; i += 2) {
                Files.writeString(folder.resolve(extra[i]), extra[i + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "filesystem:" + folder.toAbsolutePath();
    }

    /** Opens {@code dataDir} as a release with schema {@code version} would. */
    public static Database open(Path dataDir, Path migrationsFolder, int version) {
        return Database.open(dataDir, migrationsUpTo(migrationsFolder, version), "0.0." + version);
    }
}
