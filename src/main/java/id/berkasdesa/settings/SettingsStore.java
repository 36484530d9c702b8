package id.berkasdesa.settings;

import id.berkasdesa.db.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings that policy moves, as named text values in the store. Each feature owns its names and
 * parses them with its own defaults, so a missing or unreadable value never stops the app.
 */
public final class SettingsStore {

    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    /** Every value whose name starts with {@code prefix}, by name. */
    public Map<String, String> read(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        db.read(h -> h.createQuery("SELECT setting_name, setting_value FROM setting WHERE setting_name LIKE :p ORDER BY setting_name")
                .bind("p", prefix + "%")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list())
                .forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    /** Writes all {@code values} in one transaction. */
    public void write(Map<String, String> values) {
        write("settings.change", values);
    }

    /** The same as the unit of work {@code action} (a backup records its figures so). */
    public void write(String action, Map<String, String> values) {
        db.write(action, h -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                h.createUpdate("""
                        MERGE INTO setting t USING (SELECT CAST(:n AS VARCHAR(100)) AS setting_name) s
                        ON t.setting_name = s.setting_name
                        WHEN MATCHED THEN UPDATE SET setting_value = :v
                        WHEN NOT MATCHED THEN INSERT (setting_name, setting_value) VALUES (:n, :v)
                        """)
                        .bind("n", e.getKey()).bind("v", e.getValue()).execute();
            }
            return null;
        });
    }
}
