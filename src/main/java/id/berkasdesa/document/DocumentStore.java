package id.berkasdesa.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The document files: a content-addressed folder ({@code dokumen/} in the data folder) where each
 * file is named by its SHA-256, so a scan attached twice is kept once. Every file access of the
 * documents goes through here, so encryption or another place can come in one class.
 *
 * <p>A file arrives in two steps: {@link #stage} writes it under {@code tmp/}, forced to disk;
 * {@link #place} moves it to its final name and forces the folder. Only then may a row name it.
 * A power cut leaves at worst a temp file or a placed file no row names; {@link #sweep} (at start-up)
 * clears both.
 */
public final class DocumentStore {

    /** Files larger than this are refused before they are read (an upload copy is ~1 MB). */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;

    public DocumentStore(Path dataDir) {
        this.root = dataDir.resolve("dokumen");
        this.tmp = root.resolve("tmp");
    }

    /** A file written under a temp name and forced to disk, with its hash and size. */
    public static final class Staged {
        private final Path temp;
        private final String sha256;
        private final long size;

        private Staged(Path temp, String sha256, long size) {
            this.temp = temp;
            this.sha256 = sha256;
            this.size = size;
        }

        public String sha256() {
            return sha256;
        }

        public long size() {
            return size;
        }

        /** Its bytes, to check and to make the upload copy from, before it is placed. */
        public ByteSource source() {
            return new FileSource(temp, size);
        }
    }

    /** The bytes of a stored file; see {@link ByteSource}. */
    public ByteSource source(String sha256) {
        Path file = path(sha256);
        try {
            return new FileSource(file, Files.size(file));
        } catch (IOException e) {
            throw new DocumentException("document.error.missingFile", e);
        }
    }

    /** Today's files: plain, read from the data folder. The only implementation that knows a path. */
    private record FileSource(Path file, long size) implements ByteSource {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public org.apache.pdfbox.io.RandomAccessRead randomAccess() throws IOException {
            return new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file.toFile());
        }
    }

    /**
     * Copies {@code in} to a temp file, hashing as it goes, and forces it to disk. Refuses an empty
     * source and one over {@link #MAX_FILE_BYTES}; a read that fails half-way (a stick pulled out)
     * leaves nothing behind.
     *
     * @param name the file's name, for messages only
     */
    public Staged stage(InputStream in, String name) {
        Path temp = newTemp();
        MessageDigest digest = sha256();
        long size = 0;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream os = Channels.newOutputStream(out)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = read(in, buffer, name)) > 0; ) {
                size += n;
                if (size > MAX_FILE_BYTES) {
                    throw new DocumentException("document.error.tooLarge", name, MAX_FILE_BYTES / (1024 * 1024));
                }
                digest.update(buffer, 0, n);
                os.write(buffer, 0, n);
            }
            out.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        if (size == 0) {
            deleteQuietly(temp);
            throw new DocumentException("document.error.empty", name);
        }
        return new Staged(temp, HexFormat.of().formatHex(digest.digest()), size);
    }

    public Staged stage(byte[] bytes, String name) {
        return stage(new ByteArrayInputStream(bytes), name);
    }

    private static int read(InputStream in, byte[] buffer, String name) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new DocumentException("document.error.unreadable", e, name);
        }
    }

    /**
     * Moves a staged file to its final name (or drops it when that content is already stored) and
     * forces the folder, so the name survives a power cut.
     *
     * @return whether the content is new to the store
     */
    public boolean place(Staged staged) {
        Path target = path(staged.sha256());
        try {
            if (Files.exists(target)) {
                Files.delete(staged.temp);
                return false;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staged.temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.delete(staged.temp);
                return false;
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged.temp, target);
            }
            forceFolder(target.getParent());
            return true;
        } catch (IOException e) {
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        }
    }

    public void discard(Staged staged) {
        deleteQuietly(staged.temp);
    }

    private Path path(String sha256) {
        if (!NAME.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 name");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    public byte[] read(String sha256) {
        try {
            return Files.readAllBytes(path(sha256));
        } catch (IOException e) {
            throw new DocumentException("document.error.missingFile", e);
        }
    }

    /** Streams a stored file (a bundle copies upload copies this way, never holding one in memory). */
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    /** Whether the file's content still has the hash it is named by. */
    public boolean intact(String sha256) {
        try (InputStream in = Files.newInputStream(path(sha256))) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    public void delete(String sha256) {
        deleteQuietly(path(sha256));
    }

    /** The hashes of all stored files. */
    public Set<String> all() {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** What {@link #sweep} found and did. */
    public record Sweep(int orphansRemoved, int tempRemoved, Set<String> missing) {
    }

    /**
     * The start-up check: removes temp files and files no row names ({@code referenced}), and reports
     * the named files that are not there. Run it before anything attaches, never alongside.
     */
    public Sweep sweep(Set<String> referenced) {
        int temps = 0;
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    deleteQuietly(p);
                    temps++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> stored = all();
        int orphans = 0;
        for (String sha : stored) {
            if (!referenced.contains(sha)) {
                delete(sha);
                orphans++;
            }
        }
        Set<String> missing = new HashSet<>(referenced);
        missing.removeAll(stored);
        return new Sweep(orphans, temps, missing);
    }

    private Path newTemp() {
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        }
        return tmp.resolve(UUID.randomUUID() + ".tmp");
    }

    /** Forces a folder's entries to disk; a no-op where the platform cannot (Windows). */
    private static void forceFolder(Path folder) {
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the next start-up sweep
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
