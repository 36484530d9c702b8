package id.berkasdesa.db;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A store on the engine a parameterised test names ("h2": a file in {@code dir}; "postgresql": a
 * fresh database on the test server), opened again on the same data as often as the test asks.
 */
public final class TestStore {

    /** The engines every DAO test runs on ({@code @ValueSource(strings = {...})} needs a constant). */
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    private final String engine;
    private final Path dir;
    private DataSource postgres;

    public TestStore(String engine, Path dir) {
        this.engine = engine;
        this.dir = dir;
    }

    public Database open() {
        if (engine.equals(H2)) {
            return Database.open(dir);
        }
        if (postgres == null) {
            postgres = Postgres.freshDatabase();
        }
        return Database.onPostgres(postgres, dir);
    }
}
