package id.berkasdesa.backup;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.keys.StoreKey;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cadangkan: the whole store and every document into one encrypted file on a stick, written under
 * a temporary name, forced, read back, restored into a scratch folder and checked there, and only
 * then given its name; then the oldest backups beyond the last {@code keep} are deleted.
 */
public final class BackupService {

    public static final int DEFAULT_KEEP = 5;
    public static final int DEFAULT_WARN_DAYS = 7;
    /** Settings (not texts): the last verified backup, and the days after which one is due. */
    static final String LAST_AT = "cadangan.terakhir.waktu";
    static final String LAST_FILE = "cadangan.terakhir.file";
    static final String WARN_DAYS = "cadangan.hariPeringatan";
    static final String SCRATCH = "periksa-cadangan-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final Database db;
    /** Whose store this is, as a backup names it: the village, or a Dinas Sosial (its kabupaten's code and office). */
    private final java.util.function.Supplier<java.util.Optional<VillageProfile>> owner;
    private final KeyRing keys;
    private final SettingsStore settings;
    private final Clock clock;
    private final String appVersion;

    /** What the signed-in person's password opened (see {@code audit.TrailTrust}). */
    private java.util.function.Supplier<java.util.Optional<id.berkasdesa.keys.Identity>> anchor = java.util.Optional::empty;

    /** Where {@link #check} finds the anchor its signatures are checked against (the wiring: the accounts). */
    public void anchor(java.util.function.Supplier<java.util.Optional<id.berkasdesa.keys.Identity>> a) {
        this.anchor = a;
    }

    public BackupService(Database db, java.util.function.Supplier<java.util.Optional<VillageProfile>> owner, KeyRing keys, SettingsStore settings, Clock clock,
            String appVersion) {
        this.db = db;
        this.owner = owner;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    /** A backup made and verified: where, what it holds (as checked on its trial restore), how long. */
    public record Result(Path file, Manifest manifest, StoreCheck.Report checked, Duration took, long bytes,
            List<Path> removed) {
    }

    /** The last verified backup, as recorded when it was made. */
    public record Last(Instant at, String file) {
    }

    /**
     * The last verified backup (if any), the days after which one is due (a setting; 7 unless
     * changed), and whether it is due now: one read of the settings, for the status bar and the dialog.
     */
    public record Status(Optional<Last> last, int warnDays, boolean due) {
    }

    public Status status() {
        Map<String, String> s = settings.read("cadangan.");
        Optional<Last> last;
        try {
            String at = s.get(LAST_AT);
            last = at == null ? Optional.empty() : Optional.of(new Last(Instant.parse(at), s.getOrDefault(LAST_FILE, "")));
        } catch (java.time.format.DateTimeParseException e) {
            last = Optional.empty();
        }
        int days;
        try {
            days = Math.max(1, Integer.parseInt(s.getOrDefault(WARN_DAYS, "" + DEFAULT_WARN_DAYS)));
        } catch (NumberFormatException e) {
            days = DEFAULT_WARN_DAYS;
        }
        int warn = days;
        boolean due = last.map(l -> l.at().plus(Duration.ofDays(warn)).isBefore(clock.instant())).orElse(true);
        return new Status(last, days, due);
    }

    public Optional<Last> last() {
        return status().last();
    }

    /** Whether the last verified backup is older than the setting allows (or there is none). */
    public boolean due() {
        return status().due();
    }

    /**
     * Ganti kunci data (Administrator): recorded in the trail, then the store copied under a new key
     * ({@link Rekey}). This opening writes nothing more: close the store, then {@link Restore#finish}
     * swaps the new store in and deletes the old one.
     *
     * @param activeNames the accounts still active (their boxes get the new key)
     */
    public Rekey.Result rekey(List<String> activeNames, Progress progress) {
        db.require("backup.rekey");
        if (db.storeKey() == null || keys == null || keys.unclaimed()) {
            throw new BackupException("backup.error.unclaimed");
        }
        db.write("backup.rekey", h -> {
            db.about("store", keys.storeId(), "key");
            return null;
        });
        return Rekey.prepare(db, keys, activeNames, progress);
    }

    /** What {@link #rekey} would leave behind (asked before it). */
    public Rekey.Preview rekeyPreview(List<String> activeNames) {
        db.require("backup.rekey");
        if (keys == null) {
            throw new BackupException("backup.error.unclaimed");
        }
        return Rekey.preview(keys, activeNames);
    }

    /** Records in the restored store's trail that it was restored, by whom, from which backup's store. */
    public void recordRestore(Manifest from) {
        db.write("backup.restore", h -> {
            db.about("backup", from.storeId(), "restored");
            return null;
        });
    }

    /** Checks the store (Periksa data): see {@link StoreCheck}. */
    public StoreCheck.Report check(Progress progress) {
        db.require("audit.verify");
        DocumentStore documents = new DocumentStore(db.dataDir(), db.storeKey());
        return db.keepsDocumentBytes() ? StoreCheck.runOnServer(db, documents, progress, anchor.get())
                : StoreCheck.run(db, documents, progress, anchor.get());
    }

    /**
     * Makes a backup in {@code folder}.
     *
     * @throws BackupException what went wrong; no file is left under a backup's name
     * @throws id.berkasdesa.db.AccessException unless an Administrator is signed in
     */
    public Result create(Path folder, int keep, Progress progress) {
        db.require("backup.create");
        if (db.keepsDocumentBytes()) {
            throw new BackupException("backup.error.server"); // the office's server is backed up by its own tools
        }
        StoreKey key = db.storeKey();
        if (key == null || keys == null || keys.unclaimed()) {
            throw new BackupException("backup.error.unclaimed");
        }
        VillageProfile village = owner.get().orElseThrow(() -> new BackupException("backup.error.unclaimed"));
        long start = System.nanoTime();
        removeScratch(db.dataDir());
        if (!Files.isDirectory(folder)) {
            // a folder that does not exist is a stick not plugged in: never a backup on the PC's own disk
            throw new BackupException("backup.error.noFolder", folder.toString());
        }
        removeLeftovers(folder);
        // the village code's digits, as a bundle's name has them (3201011001_…): one form on the stick
        String base = "cadangan_" + village.kodeDesaDigits() + "_" + LocalDateTime.now(clock).format(STAMP);
        Path target = folder.resolve(base + ".zip");
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(base + "_" + n + ".zip");
        }
        Path temp = folder.resolve(target.getFileName() + ".part");
        boolean done = false;
        try {
            Manifest manifest = write(temp, key, village, progress.phase(0, 0.5));
            StoreCheck.Report checked = verify(temp, key, progress.phase(0.5, 1.0));
            move(temp, target);
            done = true;
            long bytes = size(target);
            settings.write("backup.create", Map.of(LAST_AT, clock.instant().toString(), LAST_FILE, target.getFileName().toString()));
            List<Path> removed = rotate(folder, village, keep);
            return new Result(target, manifest, checked, Duration.ofNanos(System.nanoTime() - start), bytes, removed);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    private Manifest write(Path temp, StoreKey key, VillageProfile village, Progress progress) {
        DocumentStore documents = new DocumentStore(db.dataDir(), key);
        try (BackupFile.Writer out = new BackupFile.Writer(temp)) {
            out.part(BackupFile.KEY_FILE, o -> o.write(Files.readAllBytes(KeyRing.file(db.dataDir()))));
            // one snapshot: the figures, the list of documents and every row, with writes held meanwhile
            Snapshot snap = db.holdingWrites(() -> {
                java.util.SortedMap<String, Long> counts = db.counts();
                String head = id.berkasdesa.audit.AuditService.headOf(db).map(id.berkasdesa.audit.AuditEntry::hash)
                        .orElse(AuditChain.GENESIS);
                Set<String> referenced = DocumentService.referenced(db);
                try {
                    out.part(BackupFile.DATABASE, BackupFile.Writer.statements(key, keys.storeId(), db::script));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return new Snapshot(counts, head, referenced);
            });
            int missing = 0;
            progress.total(snap.documents().size());
            for (String sha : new TreeSet<>(snap.documents())) {
                progress.check();
                if (!documents.exists(sha)) {
                    missing++;
                } else {
                    out.part(BackupFile.DOCUMENTS + documents.diskName(sha), o -> documents.copySealed(sha, o));
                }
                progress.advance(1);
            }
            Manifest m = new Manifest(Manifest.FORMAT, appVersion, Database.schemaVersion(), Database.engineVersion(),
                    Manifest.DB_FORM, village.kodeDesa(), village.namaDesa(), village.nameAndOffice(),
                    keys.storeId(), clock.instant(), snap.counts(), snap.counts().getOrDefault("AUDIT_ENTRY", 0L),
                    snap.auditHead(), missing, out.parts());
            out.finish(m, key);
            return m;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BackupException("backup.error.write", e, temp.getParent().toString());
        }
    }

    /** What the manifest says of the store: its rows per table, the audit chain's head (checked by the trial restore), its documents. */
    private record Snapshot(java.util.SortedMap<String, Long> counts, String auditHead, Set<String> documents) {
    }

    /**
     * Reads the written file back whole (every part against its checksum, every document decrypted
     * and hashed) and restores its database into a scratch folder, checked against the manifest.
     */
    private StoreCheck.Report verify(Path file, StoreKey key, Progress progress) {
        Path scratch = db.dataDir().resolve(SCRATCH + UUID.randomUUID());
        try (BackupFile.Reader backup = BackupFile.Reader.open(file)) {
            backup.authenticate(key);
            DocumentStore documents = new DocumentStore(scratch, key);
            Map<String, String> sealed = backup.manifest().sealedDocuments();
            Map<String, String> plain = new HashMap<>();
            backup.keyFile(); // read back like every part (the database is read by the trial restore below)
            progress.total(sealed.size());
            for (String name : sealed.keySet()) {
                progress.check();
                backup.read(BackupFile.DOCUMENTS + name, in -> documents.sha256OfSealed(in)).ifPresent(sha -> plain.put(name, sha));
                progress.advance(1);
            }
            try (Database restored = Rebuild.store(backup, scratch, key)) {
                StoreCheck.Report report = StoreCheck.run(restored, new StoreCheck.Documents() {
                    @Override
                    public boolean exists(String sha256) {
                        return sealed.containsKey(documents.diskName(sha256));
                    }

                    @Override
                    public boolean intact(String sha256) {
                        return sha256.equals(plain.get(documents.diskName(sha256)));
                    }
                }, Progress.none());
                Rebuild.compare(backup.manifest(), restored, report);
                return report;
            }
        } catch (IOException e) {
            throw new BackupException("backup.error.readBack", e, file.getParent().toString(), e.getClass().getSimpleName());
        } catch (BackupException e) {
            if (e.key().equals("backup.error.damaged") || e.key().equals("backup.error.notBackup")) {
                throw new BackupException("backup.error.readBack", e, file.getParent().toString(), e.key());
            }
            throw e;
        } finally {
            removeScratch(db.dataDir());
        }
    }

    private static final Pattern OURS = Pattern.compile("cadangan_.+_\\d{8}-\\d{4}(_\\d+)?\\.zip");

    /** Deletes the oldest of this village's backups in {@code folder} beyond the newest {@code keep}. */
    private static List<Path> rotate(Path folder, id.berkasdesa.village.VillageProfile village, int keep) {
        List<Path> ours = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            // this release's names (digits) and older ones (dotted code): the dotted sort first, and are older
            files.filter(p -> (p.getFileName().toString().startsWith("cadangan_" + village.kodeDesaDigits() + "_")
                    || p.getFileName().toString().startsWith("cadangan_" + village.kodeDesa() + "_"))
                    && OURS.matcher(p.getFileName().toString()).matches()).sorted().forEach(ours::add);
        } catch (IOException e) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < ours.size() - Math.max(1, keep); i++) {
            deleteQuietly(ours.get(i));
            removed.add(ours.get(i));
        }
        return removed;
    }

    /** A backup's temp files that a pulled stick or a kill left in {@code folder}. */
    private static void removeLeftovers(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().startsWith("cadangan_") && p.getFileName().toString().endsWith(".zip.part"))
                    .forEach(BackupService::deleteQuietly);
        } catch (IOException e) {
            // nothing to clear
        }
    }

    /** Scratch folders of trial restores that a kill left in the data folder. */
    static void removeScratch(Path dataDir) {
        try (Stream<Path> files = Files.list(dataDir)) {
            files.filter(p -> p.getFileName().toString().startsWith(SCRATCH)).forEach(p -> {
                try {
                    id.berkasdesa.common.Folders.delete(p);
                } catch (java.io.UncheckedIOException e) {
                    // tried again next time
                }
            });
        } catch (IOException e) {
            // nothing to clear
        }
    }

    private static void move(Path temp, Path target) {
        try {
            id.berkasdesa.common.AtomicFile.rename(temp, target, false);
        } catch (IOException e) {
            throw new BackupException("backup.error.write", e, target.getParent().toString());
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the next backup to clear
        }
    }
}
