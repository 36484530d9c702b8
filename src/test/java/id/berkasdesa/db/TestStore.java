package id.berkasdesa.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A store on the engine a parameterised test names ("h2": a file in {@code dir}; "postgresql": a
 * database of its own on the test server, the same one each time the same {@code dir} opens again).
 */
public final class TestStore {

    /** The engines every DAO test runs on ({@code @ValueSource(strings = {...})} needs constants). */
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    private static final Map<Path, DataSource> DATABASES = new ConcurrentHashMap<>();

    private TestStore() {
    }

    public static Database open(String engine, Path dir) {
        if (engine.equals(H2)) {
            return Database.open(dir);
        }
        return Database.onPostgres(DATABASES.computeIfAbsent(dir, d -> Postgres.freshDatabase()), dir);
    }
}
