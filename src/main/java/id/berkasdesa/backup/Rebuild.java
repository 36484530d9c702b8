package id.berkasdesa.backup;

import id.berkasdesa.db.Database;
import id.berkasdesa.keys.StoreKey;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;

/** What a backup's trial restore and a real restore share: the store rebuilt from the backup, and the comparison. */
final class Rebuild {

    private Rebuild() {
    }

    /** Builds the backup's database into {@code folder} (which holds no store) and opens it, migrated when older. */
    static Database store(BackupFile.Reader backup, Path folder, StoreKey key) {
        backup.statements(key, statements -> Database.build(folder, key, statements));
        return Database.open(folder, key);
    }

    /**
     * Compares the rebuilt store with what the manifest says the store held.
     *
     * @throws BackupException "backup.error.check" naming the first difference
     */
    static void compare(Manifest m, Database db, StoreCheck.Report report) {
        if (m.schema() == Database.schemaVersion()) {
            SortedMap<String, Long> counts = db.counts();
            if (!counts.equals(m.counts())) {
                for (Map.Entry<String, Long> e : m.counts().entrySet()) {
                    Long now = counts.get(e.getKey());
                    if (!e.getValue().equals(now)) {
                        throw new BackupException("backup.error.check", e.getKey() + ": " + e.getValue() + " ≠ " + now);
                    }
                }
                throw new BackupException("backup.error.check", "tabel");
            }
        }
        if (report.auditEntries() != m.auditEntries() || !report.auditHead().equals(m.auditHead())) {
            throw new BackupException("backup.error.check", "jejak audit " + report.auditEntries() + " ≠ " + m.auditEntries());
        }
        if (report.missingDocuments() != m.missingDocuments()) {
            throw new BackupException("backup.error.check", "dokumen hilang " + report.missingDocuments() + " ≠ " + m.missingDocuments());
        }
        report.problems().stream().filter(f -> !f.key().equals("check.problem.missing")).findFirst().ifPresent(f -> {
            throw new BackupException("backup.error.check", f.key());
        });
    }
}
