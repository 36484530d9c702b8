package id.berkasdesa.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import id.berkasdesa.common.SafeZip;

/**
 * Reads a zipped BagIt bag from a stick without trusting it: before anything is read, every entry is
 * checked (no path leaving the bag, no links, no entry that would expand beyond reason, not tens of
 * thousands of them); {@link #verify} then checks the bag itself — bagit.txt, Payload-Oxum, every
 * payload file against every manifest (sha512 and sha256 are read), and the tag manifests. Nothing is
 * ever unpacked to disk: files are streamed and hashed.
 */
public final class BagReader implements Closeable {

    public static final int MAX_ENTRIES = 20_000;
    public static final long MAX_ENTRY_BYTES = 1L << 30;
    /** A compressed entry may expand this many times, and no more (scans and PDFs barely compress). */
    public static final long MAX_RATIO = 100;
    /** Tag files and the JSON, CSV and xlsx files a bag carries are read whole, up to this size. */
    public static final long MAX_SMALL_FILE = 64L << 20;
    /** A bag's bytes are bounded by its entries' declared sizes, each counted as it is read. */
    private static final SafeZip.Limits LIMITS = new SafeZip.Limits(MAX_ENTRIES, MAX_ENTRY_BYTES, Long.MAX_VALUE, MAX_RATIO);

    private static final Pattern MANIFEST = Pattern.compile("(tag)?manifest-([a-z0-9]+)\\.txt");
    private static final Map<String, String> ALGORITHMS = Map.of("sha512", "SHA-512", "sha256", "SHA-256");
    private static final int BUFFER = 1 << 20;

    /** What an intact bag holds. */
    public record Checked(String name, Map<String, String> info, int payloadFiles, long payloadBytes, long zipBytes) {
    }

    /** A zip of the same file with its own position, for a second reader thread. */
    interface Reopen {
        ZipFile open() throws IOException;
    }

    private final String fileName;
    private final long zipBytes;
    private Reopen reopen;
    private final SafeZip zip;
    private final String prefix;
    private final Map<String, ZipArchiveEntry> entries;

    private BagReader(String fileName, long zipBytes, SafeZip zip, String prefix, Map<String, ZipArchiveEntry> entries) {
        this.fileName = fileName;
        this.zipBytes = zipBytes;
        this.zip = zip;
        this.prefix = prefix;
        this.entries = entries;
    }

    /**
     * Opens {@code file} and checks its entries.
     *
     * @throws BundleException not a zip, an unsafe entry, a zip bomb, or not a bag
     */
    public static BagReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BundleException("bundle.error.noFile", file.getFileName());
        }
        SafeZip zip = openZip(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            zip.close();
            throw new BundleException("bundle.error.read", e, file.getFileName());
        }
        BagReader r = of(zip, file.getFileName().toString(), size);
        r.reopen = () -> ZipFile.builder().setPath(file).get();
        return r;
    }

    /**
     * A bag read from a channel (a protected bundle's content, decrypted as it is read); {@code name}
     * stands for the file's name in messages. Closing the reader closes the channel.
     */
    public static BagReader open(java.nio.channels.SeekableByteChannel channel, String name, Reopen reopen) {
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BundleException("sealed.error.damaged", e, name);
        }
        SafeZip zip;
        try {
            zip = SafeZip.open(channel, LIMITS);
        } catch (SafeZip.Refused e) {
            throw e.fault() == SafeZip.Fault.NOT_ZIP ? new BundleException("sealed.error.damaged", e, name) : refused(e);
        }
        BagReader r = of(zip, name + ".zip", size);
        r.reopen = reopen;
        return r;
    }

    private static BagReader of(SafeZip zip, String fileName, long size) {
        try {
            Map<String, ZipArchiveEntry> files = zip.files();
            String prefix = prefix(files.keySet());
            Map<String, ZipArchiveEntry> inBag = new TreeMap<>();
            files.forEach((name, e) -> inBag.put(name.substring(prefix.length()), e));
            return new BagReader(fileName, size, zip, prefix, inBag);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * Checks the entries of any zip without reading them.
     *
     * @throws BundleException not a zip, an unsafe entry, a zip bomb
     */
    public static void checkZip(Path file) {
        openZip(file).close();
    }

    private static SafeZip openZip(Path file) {
        try {
            return SafeZip.open(file, LIMITS);
        } catch (SafeZip.Refused e) {
            throw e.fault() == SafeZip.Fault.NOT_ZIP ? new BundleException("bundle.error.notZip", e, file.getFileName()) : refused(e);
        }
    }

    /** A refused zip in the bundle's words. */
    static BundleException refused(SafeZip.Refused e) {
        return switch (e.fault()) {
            case NOT_ZIP, DAMAGED -> new BundleException("bundle.error.damaged", e, e.entry());
            case TOO_MANY_ENTRIES -> new BundleException("bundle.error.tooManyEntries", e.entry(), MAX_ENTRIES);
            case UNSAFE_NAME -> new BundleException("bundle.error.unsafeEntry", e.entry());
            case LINK -> new BundleException("bundle.error.link", e.entry());
            case DUPLICATE -> new BundleException("bundle.error.duplicateEntry", e.entry());
            case BOMB -> new BundleException("bundle.error.bomb", e.entry());
        };
    }

    /** The bag's base folder inside the zip ("name/"), or "" for a bag zipped without one. */
    private static String prefix(Set<String> names) {
        if (names.contains("bagit.txt")) {
            return "";
        }
        String first = null;
        for (String n : names) {
            int slash = n.indexOf('/');
            String top = slash < 0 ? "" : n.substring(0, slash + 1);
            if (first == null) {
                first = top;
            } else if (!first.equals(top)) {
                throw new BundleException("bundle.error.notBag");
            }
        }
        if (first == null || first.isEmpty() || !names.contains(first + "bagit.txt")) {
            throw new BundleException("bundle.error.notBag");
        }
        return first;
    }

    /** The bag's name: its base folder, or the file's name without .zip. */
    public String name() {
        if (!prefix.isEmpty()) {
            return prefix.substring(0, prefix.length() - 1);
        }
        String n = fileName;
        return n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    public boolean has(String path) {
        return entries.containsKey(path);
    }

    /** Paths (relative to the bag) of the payload files under {@code folder}, e.g. "data/surat/". */
    public List<String> files(String folder) {
        return entries.keySet().stream().filter(p -> p.startsWith(folder)).toList();
    }

    /** bag-info.txt's labels and values (a label given twice keeps its first value). */
    public Map<String, String> info() {
        if (!has("bag-info.txt")) {
            return Map.of();
        }
        Map<String, String> info = new LinkedHashMap<>();
        String label = null;
        StringBuilder value = new StringBuilder();
        for (String line : text("bag-info.txt").split("\r\n|\r|\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && label != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (label != null) {
                info.putIfAbsent(label, value.toString());
            }
            int colon = line.indexOf(':');
            label = colon <= 0 ? null : line.substring(0, colon).strip();
            value.setLength(0);
            if (label != null) {
                value.append(line.substring(colon + 1).strip());
            }
        }
        if (label != null) {
            info.putIfAbsent(label, value.toString());
        }
        return info;
    }

    /**
     * Checks the whole bag, reading every payload file once (on two threads when there are two cores).
     *
     * @throws BundleException with the first problem found, naming the file concerned
     */
    public Checked verify(Progress progress) {
        return verify(progress, null);
    }

    /**
     * Where {@link #verify(Progress, Tee)} copies payload files in the pass that hashes them: the
     * district keeps a bundle's scans this way instead of reading every byte a second time.
     */
    public interface Tee {
        /**
         * Where the bytes of {@code path} (as in the manifest, {@code data/…}) go, or null to not keep
         * them; called from the worker that reads the file (more than one at a time). The stream is
         * closed once the file's checksum matched, never when it did not: a tee that had a failure
         * (the bundle refused) drops whatever it kept.
         *
         * @throws BundleException when it cannot keep the file (the check stops with it)
         */
        OutputStream open(String path);
    }

    /** {@link #verify(Progress)}, each payload file also written to {@code tee} as it is hashed. */
    public Checked verify(Progress progress, Tee tee) {
        String bagit = has("bagit.txt") ? text("bagit.txt") : "";
        if (!bagit.matches("(?s)BagIt-Version: (0\\.97|1\\.0)\\r?\\nTag-File-Character-Encoding: UTF-8\\r?\\n?")) {
            throw new BundleException("bundle.error.bagit");
        }
        Map<String, Map<String, String>> manifests = new TreeMap<>();
        Map<String, Map<String, String>> tagManifests = new TreeMap<>();
        for (String path : entries.keySet()) {
            Matcher m = MANIFEST.matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (!ALGORITHMS.containsKey(m.group(2))) {
                continue; // md5 or sha1 beside a sha512 manifest: not read, not needed
            }
            (m.group(1) == null ? manifests : tagManifests).put(m.group(2), manifest(path));
        }
        if (manifests.isEmpty()) {
            throw new BundleException("bundle.error.noManifest");
        }
        Set<String> payload = new TreeSet<>(files("data/"));
        for (Map<String, String> manifest : manifests.values()) {
            for (String listed : manifest.keySet()) {
                if (!payload.contains(listed)) {
                    throw new BundleException("bundle.error.missingFile", listed);
                }
            }
            for (String present : payload) {
                if (!manifest.containsKey(present)) {
                    throw new BundleException("bundle.error.extraFile", present);
                }
            }
        }
        long bytes = payload.stream().mapToLong(p -> entries.get(p).getSize()).sum();
        Map<String, String> info = info();
        String oxum = info.get("Payload-Oxum");
        if (oxum != null && !oxum.equals(bytes + "." + payload.size())) {
            throw new BundleException("bundle.error.oxum", oxum, bytes + "." + payload.size());
        }
        progress.total(bytes);
        hashAll(new ArrayList<>(payload), manifests, progress, tee);
        for (Map<String, String> tagManifest : tagManifests.values()) {
            for (String tag : tagManifest.keySet()) {
                if (!has(tag) || tag.startsWith("data/")) {
                    throw new BundleException("bundle.error.missingFile", tag);
                }
            }
        }
        hashAll(new ArrayList<>(tagManifestFiles(tagManifests)), tagManifests, Progress.none(), null);
        return new Checked(name(), info, payload.size(), bytes, zipBytes);
    }

    private static Set<String> tagManifestFiles(Map<String, Map<String, String>> tagManifests) {
        Set<String> all = new TreeSet<>();
        tagManifests.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }

    /**
     * Hashes {@code paths} with every algorithm of {@code manifests} and compares, split over the cores:
     * each worker takes one run of neighbouring files in the zip, of about equal bytes. (Taking every
     * other file made each worker of a protected bundle decrypt nearly every 1 MB segment, as files
     * share segments: the decryption was done twice.)
     */
    private void hashAll(List<String> paths, Map<String, Map<String, String>> manifests, Progress progress, Tee tee) {
        if (paths.isEmpty()) {
            return;
        }
        int workers = reopen == null ? 1
                : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), Math.min(4, paths.size())));
        if (workers == 1) {
            hashSome(zip.zip(), paths, manifests, progress, tee);
            return;
        }
        List<List<String>> runs = runs(paths, workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "berkas-desa-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 1; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    // a zip file of its own: each reader has its own position in the file
                    try (ZipFile own = reopen.open()) {
                        hashSome(own, runs.get(worker), manifests, progress, tee);
                    }
                    return null;
                }));
            }
            RuntimeException first = null;
            try {
                hashSome(zip.zip(), runs.get(0), manifests, progress, tee);
            } catch (RuntimeException e) {
                first = e;
                progress.cancel(); // the others stop at their next chunk
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r
                                : new BundleException("bundle.error.read", e.getCause(), fileName);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BundleException("bundle.cancelled");
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }

    /** {@code paths} in the zip's order, cut into {@code count} runs of about equal bytes. */
    private List<List<String>> runs(List<String> paths, int count) {
        List<String> ordered = new ArrayList<>(paths);
        ordered.sort(java.util.Comparator.comparingLong(p -> entries.get(p).getLocalHeaderOffset()));
        long total = ordered.stream().mapToLong(p -> Math.max(0, entries.get(p).getSize())).sum();
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        long done = 0;
        for (String p : ordered) {
            run.add(p);
            done += Math.max(0, entries.get(p).getSize());
            if (runs.size() < count - 1 && done * count >= total * (runs.size() + 1)) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        runs.add(run);
        while (runs.size() < count) {
            runs.add(List.of());
        }
        return runs;
    }

    private void hashSome(ZipFile from, List<String> paths, Map<String, Map<String, String>> manifests, Progress progress,
            Tee tee) {
        byte[] buffer = new byte[BUFFER];
        for (String path : paths) {
            ZipArchiveEntry entry = from.getEntry(prefix + path);
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            manifests.keySet().forEach(a -> digests.put(a, BagWriter.digest(ALGORITHMS.get(a))));
            OutputStream copy = tee == null ? null : tee.open(path);
            try (InputStream in = SafeZip.read(from, entry)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    progress.check();
                    for (MessageDigest d : digests.values()) {
                        d.update(buffer, 0, n);
                    }
                    if (copy != null) {
                        copy.write(buffer, 0, n);
                    }
                    progress.advance(n);
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof BundleException b) {
                    throw b;
                }
                SafeZip.Refused r = SafeZip.refusal(e).orElse(null);
                if (r != null && r.fault() == SafeZip.Fault.BOMB) {
                    throw new BundleException("bundle.error.bomb", e, path);
                }
                throw new BundleException("bundle.error.damaged", e, path);
            }
            for (Map.Entry<String, MessageDigest> d : digests.entrySet()) {
                String expected = manifests.get(d.getKey()).get(path);
                if (!HexFormat.of().formatHex(d.getValue().digest()).equalsIgnoreCase(expected)) {
                    throw new BundleException("bundle.error.checksum", path);
                }
            }
            if (copy != null) {
                try {
                    copy.close();
                } catch (IOException e) {
                    throw new BundleException("bundle.error.read", e, path);
                }
            }
        }
    }

    /** A manifest's lines: checksum, whitespace, path (with %0A, %0D and %25 decoded, as the RFC encodes them). */
    private Map<String, String> manifest(String path) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : text(path).split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("[ \t]+", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9A-Fa-f]{32,128}")) {
                throw new BundleException("bundle.error.manifestLine", path);
            }
            String listed = parts[1].replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
            if (listed.startsWith("./")) {
                listed = listed.substring(2);
            }
            if (!SafeZip.safeName(listed)) {
                throw new BundleException("bundle.error.unsafeEntry", SafeZip.printable(listed));
            }
            lines.put(listed, parts[0]);
        }
        return lines;
    }

    /** A small file of the bag as UTF-8 text. */
    public String text(String path) {
        byte[] bytes = bytes(path, MAX_SMALL_FILE);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleException("bundle.error.encoding", path);
        }
    }

    /** A file of the bag, whole, when it is no bigger than {@code max}. */
    public byte[] bytes(String path, long max) {
        ZipArchiveEntry entry = entries.get(path);
        if (entry == null) {
            throw new BundleException("bundle.error.missingFile", path);
        }
        try {
            return zip.bytes(entry, max);
        } catch (SafeZip.Refused e) {
            throw e.fault() == SafeZip.Fault.BOMB ? new BundleException("bundle.error.bomb", e, path)
                    : new BundleException("bundle.error.damaged", e, path);
        }
    }

    @Override
    public void close() {
        zip.close();
    }

    private static void closeQuietly(Closeable z) {
        try {
            z.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
