package id.berkasdesa.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.account.AccountService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.keys.KeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Pulihkan: a backup made into a data folder, on a new PC (an empty folder) or over the store that is
 * there (only when asked: that store is set aside, never deleted). Checked before anything is
 * touched (the file, its version, the village, the disk space), then restored into {@code pulihan/}
 * inside the data folder, opened (migrated), checked against the manifest, and only then swapped in
 * part by part, from a marker written when the restored store is complete: a start after a kill at
 * any moment finishes the swap ({@link #finish}) or drops the half-restored folder, so the store that
 * opens is the old one or the restored one, whole.
 */
public final class Restore {

    static final String WORK = "pulihan";
    static final String MARKER = "selesai.json";
    static final String ASIDE = "disisihkan-";
    /** What a store is made of in its data folder, swapped in this order. */
    static final List<String> PARTS = List.of(DocumentStore.FOLDER, Database.UPGRADE_BACKUPS, KeyRing.FILE, Database.STORE_FILE);
    /** What a store from before encryption left, set aside with the store it belonged to. */
    private static final List<String> PLAIN = List.of(Database.PLAIN_STORE_FILE, "dokumen");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Restore.class);

    private Restore() {
    }

    /** Who restores: an Administrator's name and password valid when the backup was made, or the recovery code. */
    public sealed interface Credentials permits Password, RecoveryCode {
    }

    public record Password(String name, char[] password) implements Credentials {
    }

    /** @param code as typed (spaces and case do not matter) */
    public record RecoveryCode(String code) implements Credentials {
    }

    /**
     * @param replace set the store that is there aside (else a folder holding a store is refused)
     * @param otherVillage the operator confirmed a backup of another village than the store there
     */
    public record Options(boolean replace, boolean otherVillage) {
    }

    /** @param setAside where the store that was there now is, if there was one */
    public record Result(Manifest manifest, StoreCheck.Report checked, Optional<Path> setAside, Duration took) {
    }

    /** What a backup says it holds (not yet authenticated: for showing before restoring). */
    public static Manifest preview(Path file) {
        try (BackupFile.Reader backup = BackupFile.Reader.open(file)) {
            readable(backup);
            return backup.manifest();
        } catch (IOException e) {
            throw new BackupException("backup.error.notBackup", e, file.getFileName());
        }
    }

    public static Result run(Path file, Path dataDir, Credentials who, Options options, Progress progress) {
        return run(file, dataDir, who, options, progress, () -> usableSpace(dataDir));
    }

    static Result run(Path file, Path dataDir, Credentials who, Options options, Progress progress, LongSupplier space) {
        boolean folderBefore = Files.isDirectory(dataDir);
        boolean lockBefore = Files.exists(dataDir.resolve(Database.LOCK_FILE));
        try {
            return runHeld(file, dataDir, who, options, progress, space);
        } catch (RuntimeException e) {
            // a refused restore leaves its target as it found it: no lock file, no new empty folder
            try {
                if (!lockBefore) {
                    Files.deleteIfExists(dataDir.resolve(Database.LOCK_FILE));
                }
                if (!folderBefore && Files.isDirectory(dataDir)) {
                    try (java.util.stream.Stream<Path> left = Files.list(dataDir)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(dataDir);
                        }
                    }
                }
            } catch (IOException ignored) {
                // left as it is; the next start clears nothing of value
            }
            throw e;
        }
    }

    private static Result runHeld(Path file, Path dataDir, Credentials who, Options options, Progress progress,
            LongSupplier space) {
        long start = System.nanoTime();
        try (Database.Held held = Database.holdFolder(dataDir);
                BackupFile.Reader backup = BackupFile.Reader.open(file)) {
            finishHeld(dataDir);
            Manifest m = backup.manifest();
            readable(backup);
            boolean existing = PARTS.stream().anyMatch(p -> Files.exists(dataDir.resolve(p)))
                    || PLAIN.stream().anyMatch(p -> Files.exists(dataDir.resolve(p)));
            if (existing && !options.replace()) {
                throw new BackupException("backup.error.notEmpty", dataDir.toString());
            }
            if (existing && !options.otherVillage()) {
                sameVillage(dataDir, m, backup.fileName());
            }
            long need = need(m);
            long free = space.getAsLong();
            if (free >= 0 && free < need) {
                throw new BackupException("backup.error.space", dataDir.toString(), need / (1024 * 1024), free / (1024 * 1024));
            }
            Path work = dataDir.resolve(WORK);
            id.berkasdesa.common.Folders.delete(work);
            Optional<Path> aside;
            StoreCheck.Report report;
            boolean complete = false;
            try {
                Files.createDirectories(work.resolve(Database.UPGRADE_BACKUPS));
                byte[] keyFile = backup.keyFile();
                AtomicFile.writePrivate(KeyRing.file(work), out -> out.write(keyFile));
                KeyRing ring;
                if (who instanceof Password p) {
                    ring = KeyRing.unlock(work, p.name(), p.password());
                } else {
                    ring = KeyRing.unlockWithRecovery(work, id.berkasdesa.account.RecoveryCode
                            .normalize(((RecoveryCode) who).code())
                            .orElseThrow(() -> new id.berkasdesa.keys.KeyException("account.recover.wrong", null)));
                }
                if (!ring.storeId().equals(m.storeId())) {
                    throw backup.damaged(BackupFile.MANIFEST, null);
                }
                backup.authenticate(ring.key());
                report = rebuild(backup, work, ring, who, progress);
                String asideName = ASIDE + LocalDateTime.now().format(STAMP);
                AtomicFile.write(work.resolve(MARKER), out -> out.write(JSON.writeValueAsBytes(Map.of("disisihkan", asideName))));
                complete = true;
                aside = swap(dataDir);
            } catch (IOException e) {
                throw new BackupException("backup.error.io", e, e.getClass().getSimpleName());
            } finally {
                if (!complete) {
                    id.berkasdesa.common.Folders.delete(work);
                }
            }
            return new Result(m, report, aside, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new BackupException("backup.error.notBackup", e, file.getFileName());
        }
    }

    /**
     * The backup's store built in {@code work}: the database (migrated when older), then, once the
     * one restoring is known to be its Administrator, the documents, forced to disk; then checked,
     * each document file against the checksum of its sealed bytes in the authenticated manifest (the
     * bytes whose content the backup's trial restore decrypted and checked).
     */
    private static StoreCheck.Report rebuild(BackupFile.Reader backup, Path work, KeyRing ring, Credentials who,
            Progress progress) throws IOException {
        Manifest m = backup.manifest();
        DocumentStore documents = new DocumentStore(work, ring.key());
        Files.createDirectories(work.resolve(DocumentStore.FOLDER));
        long t0 = System.nanoTime();
        try (Database restored = Rebuild.store(backup, work, ring.key())) {
            long t1 = System.nanoTime();
            if (who instanceof Password p && !AccountService.isActiveAdministrator(restored, p.name())) {
                throw new BackupException("backup.error.notAdministrator", p.name().strip());
            }
            Map<String, String> sealed = m.sealedDocuments();
            progress.total(sealed.size());
            for (String name : sealed.keySet()) {
                progress.check();
                backup.read(BackupFile.DOCUMENTS + name, in -> documents.putSealed(name, in));
                progress.advance(1);
            }
            documents.forceFolders();
            long t2 = System.nanoTime();
            StoreCheck.Report report = StoreCheck.run(restored, new StoreCheck.Documents() {
                @Override
                public boolean exists(String sha256) {
                    return documents.exists(sha256);
                }

                @Override
                public boolean intact(String sha256) {
                    return documents.sealedSha256(sha256).map(x -> x.equals(sealed.get(documents.diskName(sha256))))
                            .orElse(false);
                }
            }, Progress.none());
            Rebuild.compare(m, restored, report);
            LOG.info("restore: database {} ms, documents (written and forced) {} ms, check {} ms", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            return report;
        }
    }

    /** Refuses a backup this app cannot read: another format, a newer schema, another database form. */
    private static void readable(BackupFile.Reader backup) {
        Manifest m = backup.manifest();
        if (m.format() != Manifest.FORMAT || m.schema() > Database.schemaVersion()) {
            throw new BackupException("backup.error.newer", backup.fileName(), m.app(), m.schema(), Database.schemaVersion());
        }
        if (!Manifest.DB_FORM.equals(m.dbForm())) {
            throw new BackupException("backup.error.dbForm", backup.fileName(), m.dbForm());
        }
    }

    /** The store there must be the backup's, or of the same village, unless the operator confirmed. */
    private static void sameVillage(Path dataDir, Manifest m, String fileName) {
        Optional<String> there = KeyRing.village(dataDir);
        Optional<String> id = KeyRing.storeIdOf(dataDir);
        if (id.map(m.storeId()::equals).orElse(false) || there.map(m.villageLabel()::equals).orElse(true)) {
            return;
        }
        throw new BackupException("backup.error.otherVillage", fileName, m.villageLabel(), m.villageCode(), there.orElse("?"));
    }

    /** Room for the documents as they are, the database grown from its script, and some to spare. */
    private static long need(Manifest m) {
        long documents = m.parts().stream().filter(p -> p.name().startsWith(BackupFile.DOCUMENTS)).mapToLong(Manifest.Part::size).sum();
        long database = m.parts().stream().filter(p -> p.name().equals(BackupFile.DATABASE)).mapToLong(Manifest.Part::size).sum();
        return documents + database * 30 + 64L * 1024 * 1024;
    }

    private static long usableSpace(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * What a kill during a restore left: a complete restored store (its marker written) is swapped in;
     * a half-restored one is dropped. Nothing happens when the folder is in use by another window.
     */
    public static void finish(Path dataDir) {
        if (!Files.isDirectory(dataDir.resolve(WORK))) {
            BackupService.removeScratch(dataDir);
            return;
        }
        try (Database.Held held = Database.holdFolder(dataDir)) {
            finishHeld(dataDir);
        } catch (StoreException e) {
            // in use: whoever holds it finishes
        }
    }

    private static void finishHeld(Path dataDir) {
        BackupService.removeScratch(dataDir);
        Path work = dataDir.resolve(WORK);
        if (!Files.isDirectory(work)) {
            return;
        }
        if (Files.exists(work.resolve(MARKER))) {
            swap(dataDir);
        } else {
            id.berkasdesa.common.Folders.delete(work);
        }
    }

    /** Moves the store there aside and the restored one in, part by part; each step can be done again. */
    private static Optional<Path> swap(Path dataDir) {
        Path work = dataDir.resolve(WORK);
        try {
            com.fasterxml.jackson.databind.JsonNode marker = JSON.readTree(work.resolve(MARKER).toFile());
            String asideName = marker.path("disisihkan").asText();
            // a new store key (Rekey): the store under the old key is deleted, not kept aside
            boolean delete = marker.path("hapus").asBoolean(false);
            // the whole store set aside with nothing in its place (a sample office left for a real one)
            boolean empty = marker.path("kosongkan").asBoolean(false);
            if (!asideName.startsWith(ASIDE) || asideName.contains("/") || asideName.contains("\\")) {
                throw new IOException("marker");
            }
            Path aside = dataDir.resolve(asideName);
            for (String p : PLAIN) {
                setAside(dataDir.resolve(p), aside.resolve(p));
            }
            // the mark of which schema opened the store last goes with that store: the next open looks first
            setAside(dataDir.resolve(Database.STORE_MARK), aside.resolve(Database.STORE_MARK));
            for (String p : PARTS) {
                Path restored = work.resolve(p);
                if (Files.exists(restored)) {
                    setAside(dataDir.resolve(p), aside.resolve(p));
                    move(restored, dataDir.resolve(p));
                } else if (empty) {
                    setAside(dataDir.resolve(p), aside.resolve(p));
                }
            }
            force(dataDir);
            if (delete) {
                id.berkasdesa.common.Folders.delete(aside);
            }
            Files.delete(work.resolve(MARKER));
            id.berkasdesa.common.Folders.delete(work);
            return Files.isDirectory(aside) ? Optional.of(aside) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            throw new BackupException("backup.error.io", e, e.getClass().getSimpleName());
        }
    }

    /**
     * Sets the whole store of {@code dataDir} aside, into a folder {@code disisihkan-<time>} inside it,
     * and leaves the folder as a new one, with the steps of a restore's swap: a marker written first,
     * then part by part, so that a power cut in the middle is finished at the next opening
     * ({@link #finish}) and the store is never half in either place. Nothing is deleted. The store
     * must be closed.
     *
     * @return the folder the store is now in
     */
    public static Path setAside(Path dataDir) {
        try (Database.Held held = Database.holdFolder(dataDir)) {
            Path work = Files.createDirectories(dataDir.resolve(WORK));
            String asideName = ASIDE + LocalDateTime.now().format(STAMP);
            AtomicFile.write(work.resolve(MARKER), out -> out.write(JSON.writeValueAsBytes(
                    Map.of("disisihkan", asideName, "kosongkan", true))));
            force(dataDir);
            swap(dataDir);
            return dataDir.resolve(asideName);
        } catch (IOException e) {
            throw new BackupException("backup.error.io", e, e.getClass().getSimpleName());
        }
    }

    /**
     * Deletes a store a restore set aside, when it held nothing of anyone (a new PC's first start made
     * it): only a folder of {@code dataDir} named as a restore names them.
     */
    public static void discardAside(Path dataDir, Path aside) {
        Path a = aside.toAbsolutePath().normalize();
        if (a.getParent() != null && a.getParent().equals(dataDir.toAbsolutePath().normalize())
                && a.getFileName().toString().startsWith(ASIDE)) {
            id.berkasdesa.common.Folders.delete(a);
        }
    }

    private static void setAside(Path part, Path to) throws IOException {
        if (Files.exists(part)) {
            Files.createDirectories(to.getParent());
            move(part, to);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void force(Path folder) {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(folder, java.nio.file.StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder so; its renames are written through
        }
    }
}
