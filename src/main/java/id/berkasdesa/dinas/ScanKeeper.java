package id.berkasdesa.dinas;

import id.berkasdesa.exchange.BagReader;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.files.DocumentException;
import id.berkasdesa.files.DocumentStore;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scans of one bundle, kept in the pass that checks it: each file under {@code data/dokumen/} is
 * sealed into the office's document store as it is hashed, and staged once its checksum matched.
 * {@link #placeAll} (inside the bundle's unit of work) gives them their names, or on a database server
 * puts their sealed bytes in the database in that unit of work; {@link #close} drops
 * whatever was not placed: a refused bundle, one already received, or a unit of work that failed
 * (a file placed by a unit of work that then failed is named by no row, and the start-up sweep
 * removes it).
 */
final class ScanKeeper implements BagReader.Tee, AutoCloseable {

    static final String FOLDER = "data/dokumen/";

    /** A scan kept: its SHA-256 and size. */
    record Kept(String sha256, long size) {
    }

    private final DocumentStore store;
    private final Set<DocumentStore.Sink> writing = ConcurrentHashMap.newKeySet();
    private final Map<String, DocumentStore.Staged> staged = new ConcurrentHashMap<>();
    private final Map<String, Kept> placed = new TreeMap<>();
    /** The SKTMs' bytes too, by path in the bag (a letter of a page or two), for the check of their QR. */
    private final Map<String, byte[]> letters = new ConcurrentHashMap<>();

    /** Forces of the files staged so far, running on {@link #forcer}. */
    private final java.util.List<java.util.concurrent.CompletableFuture<Void>> forcing =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private java.util.concurrent.ExecutorService forcer;

    private synchronized java.util.concurrent.ExecutorService forcer() {
        if (forcer == null) {
            forcer = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "berkas-desa-force");
                t.setDaemon(true);
                return t;
            });
        }
        return forcer;
    }

    /** Every background force done; the first failure thrown. */
    private void forced() {
        id.berkasdesa.common.Futures.join(
                java.util.concurrent.CompletableFuture.allOf(forcing.toArray(java.util.concurrent.CompletableFuture[]::new)));
    }

    /** A letter larger than this is a scan, not a PDF the app made: not kept in memory. */
    private static final int MAX_LETTER = 2 << 20;

    ScanKeeper(DocumentStore store) {
        this.store = store;
    }

    @Override
    public OutputStream open(String path) {
        if (!path.startsWith(FOLDER)) {
            return null; // the lists, the cover letter and paket.json are read from the bag, not kept as files
        }
        String inBag = path.substring("data/".length());
        DocumentStore.Sink sink = refusing(() -> store.sink(inBag));
        writing.add(sink);
        java.io.ByteArrayOutputStream letter = inBag.toLowerCase(java.util.Locale.ROOT).endsWith("/sktm.pdf")
                ? new java.io.ByteArrayOutputStream() : null;
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                refusing(() -> {
                    sink.write(b, off, len);
                    return null;
                });
                if (letter != null && letter.size() + len <= MAX_LETTER) {
                    letter.write(b, off, len);
                }
            }

            @Override
            public void close() {
                DocumentStore.Staged done = refusing(() -> sink.finish(false));
                staged.put(inBag, done);
                writing.remove(sink);
                // forced in the background while the next files are read: the disk writes beside the check
                forcing.add(java.util.concurrent.CompletableFuture.runAsync(() -> store.force(done), forcer()));
                if (letter != null && letter.size() < MAX_LETTER) {
                    letters.put(inBag, letter.toByteArray());
                }
            }
        };
    }

    /** A file the store cannot keep stops the check: the bundle is refused with the store's reason. */
    private static <T> T refusing(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DocumentException e) {
            throw new BundleException(e.key(), e, e.args());
        }
    }

    /**
     * Moves every staged scan to its name (content-addressed: a scan already kept from an earlier
     * bundle is kept once) and returns them by path in the bag; safe to call again.
     */
    Map<String, Kept> placeAll(org.jdbi.v3.core.Handle h, boolean inDatabase) {
        Map<String, DocumentStore.Staged> now = new TreeMap<>(staged);
        if (inDatabase) {
            // a server several PCs share: the sealed bytes go in the same unit of work as their rows
            // (PostgreSQL's own words: two PCs receiving the same scan at once keep it once, neither fails)
            for (DocumentStore.Staged s : now.values()) {
                h.createUpdate("INSERT INTO dinas_scan_bytes (sha256, sealed) VALUES (:sha, :sealed) ON CONFLICT (sha256) DO NOTHING")
                        .bind("sha", s.sha256()).bind("sealed", store.sealedBytes(s)).execute();
                store.discard(s);
            }
        } else {
            forced();
            store.placeAll(now.values());
        }
        for (Map.Entry<String, DocumentStore.Staged> s : now.entrySet()) {
            placed.put(s.getKey(), new Kept(s.getValue().sha256(), s.getValue().size()));
            staged.remove(s.getKey());
        }
        return Map.copyOf(placed);
    }

    /** Whether the bundle carried any scan. */
    boolean any() {
        return !staged.isEmpty() || !placed.isEmpty();
    }

    /** An SKTM's bytes as the bundle carried it, by its path in the bag ("dokumen/…/sktm.pdf"); empty when none or too large. */
    java.util.Optional<byte[]> letter(String path) {
        return java.util.Optional.ofNullable(letters.get(path));
    }

    @Override
    public void close() {
        if (forcer != null) {
            forcer.shutdown();
            try {
                forcer.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES); // no temp file deleted under a force
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writing.forEach(DocumentStore.Sink::abort);
        staged.values().forEach(store::discard);
    }
}
