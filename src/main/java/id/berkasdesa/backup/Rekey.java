package id.berkasdesa.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.Folders;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.keys.KeyRing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Ganti kunci data: the store copied under a new, random store key, so that an old key file with an
 * old password — a person whose account was disabled, a copied folder — opens neither the current
 * store nor any later backup. Built like a restore, in {@code pulihan/} beside the store: the
 * database from its own {@code SCRIPT} (writes held, and refused on this opening once done), every
 * document decrypted and sealed again, a key file whose only openers are the boxes of the people
 * still active ({@link KeyRing#rekeyed}), then compared with the store and marked complete. The
 * caller closes the store; {@link Restore#finish} then swaps the new store in and <em>deletes</em> the
 * old one (the marker says so): a kill at any moment leaves the old store whole (no marker: the
 * copy is dropped) or the new one (marker: the swap is finished at the next start).
 */
public final class Rekey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String END = new String("end of script");

    private Rekey() {
    }

    /**
     * What a new key leaves behind: the active accounts whose password opens the key only through a
     * wrap from the store's own hash (nobody has signed in with it since boxes came: their password
     * must be reset afterwards), and whether the recovery code stops working (a new one is needed).
     */
    public record Preview(List<String> withoutBox, boolean recoveryLost) {
    }

    /** @param documents how many documents were sealed again */
    public record Result(Preview preview, int documents, Duration took) {
    }

    public static Preview preview(KeyRing keys, List<String> activeNames) {
        return new Preview(keys.withoutBox(activeNames), !keys.recoveryBoxed());
    }

    /**
     * Builds the store under a new key in {@code pulihan/} and marks it complete; {@code db} writes
     * nothing more (close it, then {@link Restore#finish}).
     *
     * @throws BackupException "backup.error.rekey" when the copy could not be made or does not match (the
     *     store is left as it was)
     */
    static Result prepare(Database db, KeyRing keys, List<String> activeNames, Progress progress) {
        long start = System.nanoTime();
        Preview preview = preview(keys, activeNames);
        Path dataDir = db.dataDir();
        Path work = dataDir.resolve(Restore.WORK);
        Folders.delete(work);
        boolean complete = false;
        try {
            Files.createDirectories(work.resolve(Database.UPGRADE_BACKUPS));
            Files.createDirectories(work.resolve(DocumentStore.FOLDER));
            int documents = db.retiring(() -> {
                try {
                    KeyRing next = keys.rekeyed(work);
                    SortedMap<String, Long> counts = db.counts();
                    build(db, work, next);
                    int n = reseal(db, new DocumentStore(dataDir, db.storeKey()), new DocumentStore(work, next.key()), progress);
                    try (Database copy = Database.open(work, next.key())) {
                        if (!copy.counts().equals(counts)) {
                            throw new BackupException("backup.error.rekey", "tabel");
                        }
                    }
                    AtomicFile.write(work.resolve(Restore.MARKER), out -> out.write(JSON.writeValueAsBytes(
                            Map.of("disisihkan", Restore.ASIDE + "kunci-lama", "hapus", true))));
                    return n;
                } catch (IOException e) {
                    throw new BackupException("backup.error.rekey", e, e.getClass().getSimpleName());
                }
            });
            complete = true;
            return new Result(preview, documents, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new BackupException("backup.error.rekey", e, e.getClass().getSimpleName());
        } finally {
            if (!complete) {
                Folders.delete(work);
            }
        }
    }

    /** The database into {@code work} under the new key, from the store's {@code SCRIPT} as it is read (never whole in memory). */
    private static void build(Database db, Path work, KeyRing next) {
        BlockingQueue<String> pipe = new ArrayBlockingQueue<>(2048);
        RuntimeException[] failed = {null};
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                db.script(s -> put(pipe, s, abandoned));
            } catch (RuntimeException e) {
                failed[0] = e;
            } finally {
                put(pipe, END, abandoned);
            }
        }, "rekey-script");
        reader.setDaemon(true);
        reader.start();
        try {
            buildFrom(work, next, pipe);
        } finally {
            abandoned.set(true); // a reader still waiting to put gives up
            pipe.clear();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private static void buildFrom(Path work, KeyRing next, BlockingQueue<String> pipe) {
        Database.build(work, next.key(), new Iterator<>() {
            private String next = take(pipe);

            @Override
            public boolean hasNext() {
                return next != END;
            }

            @Override
            public String next() {
                if (next == END) {
                    throw new NoSuchElementException();
                }
                String s = next;
                next = take(pipe);
                return s;
            }
        });
    }

    /** @param abandoned set once the new store was built or failed: nobody reads any more */
    private static void put(BlockingQueue<String> pipe, String s, java.util.concurrent.atomic.AtomicBoolean abandoned) {
        try {
            while (!pipe.offer(s, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    throw new IllegalStateException("rekey: the new store stopped reading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String take(BlockingQueue<String> pipe) {
        try {
            String s = pipe.poll(10, TimeUnit.MINUTES);
            if (s == null) {
                throw new IllegalStateException("rekey: the store's script stopped");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every document the store refers to, decrypted from the old store and sealed under the new key, forced to disk. */
    private static int reseal(Database db, DocumentStore from, DocumentStore to, Progress progress) throws IOException {
        Set<String> referenced = new TreeSet<>(DocumentService.referenced(db));
        progress.total(referenced.size());
        int n = 0;
        for (String sha : referenced) {
            progress.check();
            if (from.exists(sha)) {
                DocumentStore.Staged staged;
                try (InputStream in = from.open(sha)) {
                    staged = to.stage(in, sha);
                }
                if (!staged.sha256().equals(sha)) {
                    to.discard(staged);
                    throw new BackupException("backup.error.rekey", "dokumen " + sha.substring(0, 8));
                }
                to.place(staged);
                n++;
            }
            progress.advance(1);
        }
        to.forceFolders();
        return n;
    }
}
