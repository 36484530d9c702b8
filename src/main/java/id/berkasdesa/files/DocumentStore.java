package id.berkasdesa.files;

import id.berkasdesa.common.AtomicFile;
import com.google.crypto.tink.StreamingAead;
import id.berkasdesa.keys.StoreKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The document files: a content-addressed folder where each file is named after its SHA-256, so a
 * scan attached twice is kept once. Every file access of the documents goes through here.
 *
 * <p>On an encrypted store ({@code dokumen-terenkripsi/}) every file is sealed with the store's
 * authenticated streaming cipher (Tink, AES256_GCM_HKDF_1MB) as it is written, and named by a keyed
 * hash of its SHA-256: nothing is staged in plaintext, and a copy of a known scan does not tell
 * whether it is here. A file that was changed or cut short fails to decrypt and reads as damaged. A
 * plain store ({@code dokumen/}, from before encryption) is read only to be encrypted.
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

    static final String PLAIN_FOLDER = "dokumen";
    static final String ENCRYPTED_FOLDER = "dokumen-terenkripsi";
    private static final byte[] CONTEXT = "berkas-desa dokumen v1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Path root;
    private final Path tmp;
    private final StoreKey key;
    private final StreamingAead cipher;

    /** The documents of {@code dataDir}: encrypted under {@code key}, or plain when it is null. */
    public DocumentStore(Path dataDir, StoreKey key) {
        this.root = dataDir.resolve(key == null ? PLAIN_FOLDER : ENCRYPTED_FOLDER);
        this.tmp = root.resolve("tmp");
        this.key = key;
        this.cipher = key == null ? null : key.documents();
    }

    /** Whether {@code dataDir} still holds plain document files (from before encryption). */
    public static boolean plainExists(Path dataDir) {
        return Files.isDirectory(dataDir.resolve(PLAIN_FOLDER));
    }

    /**
     * Seals every plain file of {@code dataDir} into {@code target} (an encrypted store), each
     * checked against its name; the plain files stay until {@link #removePlain}. @return the count
     */
    public static int encryptPlain(Path dataDir, DocumentStore target) {
        DocumentStore plain = new DocumentStore(dataDir, null);
        int n = 0;
        for (String sha : plain.all()) {
            try (InputStream in = plain.open(sha)) {
                Staged staged = target.stage(in, sha);
                if (!staged.sha256().equals(sha)) {
                    target.discard(staged); // a damaged plain file stays plain; the sweep reports it missing
                    continue;
                }
                target.place(staged);
                n++;
            } catch (IOException e) {
                throw new DocumentException("document.error.storeFailed", e, target.root.toString());
            }
        }
        return n;
    }

    /** Deletes the plain document folder (after its files were sealed into the encrypted store). */
    public static void removePlain(Path dataDir) {
        id.berkasdesa.common.Folders.delete(dataDir.resolve(PLAIN_FOLDER));
    }

    /** Deletes the encrypted folder (what an interrupted first encryption left; no key names it). */
    public static void removeEncrypted(Path dataDir) {
        id.berkasdesa.common.Folders.delete(dataDir.resolve(ENCRYPTED_FOLDER));
    }

    /** A file written under a temp name and forced to disk, with its hash and size. */
    public final class Staged {
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
            return new FileSource(file, plainSize(file));
        } catch (IOException | GeneralSecurityException e) {
            throw new DocumentException("document.error.missingFile", e);
        }
    }

    private long plainSize(Path file) throws IOException, GeneralSecurityException {
        if (cipher == null) {
            return Files.size(file);
        }
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ);
                SeekableByteChannel plain = cipher.newSeekableDecryptingChannel(c, CONTEXT)) {
            return plain.size();
        }
    }

    /** A file of this store, decrypted as it is read. The only implementation that knows a path. */
    private final class FileSource implements ByteSource {
        private final Path file;
        private final long size;

        FileSource(Path file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            return openFile(file);
        }

        @Override
        public org.apache.pdfbox.io.RandomAccessRead randomAccess() throws IOException {
            if (cipher == null) {
                return new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file.toFile());
            }
            // decrypted into memory (at most MAX_FILE_BYTES; a scan's PDF is a few MB), never to disk
            try (InputStream in = openFile(file)) {
                return new org.apache.pdfbox.io.RandomAccessReadBuffer(in);
            }
        }
    }

    private InputStream openFile(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (cipher == null) {
            return raw;
        }
        try {
            return cipher.newDecryptingStream(raw, CONTEXT);
        } catch (GeneralSecurityException e) {
            raw.close();
            throw new IOException("cannot decrypt", e);
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
        Sink sink = sink(name);
        try {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = read(in, buffer, name)) > 0; ) {
                sink.write(buffer, 0, n);
            }
            return sink.finish();
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
    }

    /**
     * A file written to the store as its bytes come, for a reader that pushes rather than is read
     * from (the district keeps a bundle's scans in the pass that checks the bundle): sealed and
     * hashed as it goes, then {@link #finish} forces it to disk and stages it, or {@link #abort}
     * leaves nothing behind. Refuses more than {@link #MAX_FILE_BYTES} and an empty file.
     *
     * @param name the file's name, for messages only
     */
    public Sink sink(String name) {
        Path temp = newTemp();
        try {
            FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                return new Sink(temp, out, seal(Channels.newOutputStream(out)), name);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                out.close();
                throw e;
            }
        } catch (IOException | GeneralSecurityException e) {
            deleteQuietly(temp);
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        }
    }

    /** See {@link #sink}. Its writes throw {@link DocumentException}, never a bare {@code IOException}. */
    public final class Sink extends OutputStream {
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream sealed;
        private final String name;
        private final MessageDigest digest = sha256();
        private long size;

        private Sink(Path temp, FileChannel channel, OutputStream sealed, String name) {
            this.temp = temp;
            this.channel = channel;
            this.sealed = sealed;
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            size += len;
            if (size > MAX_FILE_BYTES) {
                throw new DocumentException("document.error.tooLarge", name, MAX_FILE_BYTES / (1024 * 1024));
            }
            digest.update(b, off, len);
            try {
                sealed.write(b, off, len);
            } catch (IOException e) {
                throw new DocumentException("document.error.storeFailed", e, root.toString());
            }
        }

        /** Seals the last segment, forces the file to disk and stages it. */
        public Staged finish() {
            return finish(true);
        }

        /**
         * The same; {@code force} false leaves the forcing to {@link #placeAll}, which forces a
         * bundle's files together once all are written (one by one cost the inbox half its time).
         */
        public Staged finish(boolean force) {
            try {
                sealed.close(); // the cipher writes its last segment and tag on close; the channel stays open to be forced
                if (force) {
                    channel.force(true);
                }
                channel.close();
            } catch (IOException e) {
                abort();
                throw new DocumentException("document.error.storeFailed", e, root.toString());
            }
            if (size == 0) {
                deleteQuietly(temp);
                throw new DocumentException("document.error.empty", name);
            }
            return new Staged(temp, HexFormat.of().formatHex(digest.digest()), size);
        }

        /** Drops what was written. */
        public void abort() {
            try {
                channel.close();
            } catch (IOException e) {
                // deleted below all the same
            }
            deleteQuietly(temp);
        }

        /** Same as {@link #abort} unless finished: a sink closed without {@link #finish} keeps nothing. */
        @Override
        public void close() {
            if (channel.isOpen()) {
                abort();
            }
        }
    }

    /** Keeps the channel open when the cipher's stream is closed, so it can still be forced. */
    private OutputStream seal(OutputStream out) throws IOException, GeneralSecurityException {
        OutputStream kept = new id.berkasdesa.common.KeptOpen(out);
        return cipher == null ? kept : cipher.newEncryptingStream(kept, CONTEXT);
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
                AtomicFile.rename(staged.temp, target, false);
            } catch (FileAlreadyExistsException e) {
                Files.delete(staged.temp);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        }
    }

    /**
     * Places many staged files at once, each already forced to disk as it was finished ({@link
     * #force(Staged)}, while the reader went on with the next): each moved to its name, then each folder
     * forced once, rather than a file and its folder forced per file. Content already stored is dropped
     * as {@link #place} does.
     */
    public void placeAll(java.util.Collection<Staged> staged) {
        try {
            Set<Path> folders = new java.util.LinkedHashSet<>();
            for (Staged s : staged) {
                Path target = path(s.sha256());
                if (Files.exists(target)) {
                    Files.deleteIfExists(s.temp);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try {
                    Files.move(s.temp, target, StandardCopyOption.ATOMIC_MOVE);
                    folders.add(target.getParent());
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(s.temp);
                }
            }
            folders.add(root);
            folders.forEach(AtomicFile::forceFolder);
        } catch (IOException e) {
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        }
    }

    /**
     * A staged file's bytes as they lie sealed, for a store that keeps document bytes in its database
     * (a server several PCs share); the caller then {@link #discard}s the staged file.
     */
    public byte[] sealedBytes(Staged staged) {
        try {
            return Files.readAllBytes(staged.temp);
        } catch (IOException e) {
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        }
    }

    /**
     * What sealed bytes from {@link #sealedBytes} hold, decrypted and checked (the cipher's tags):
     * changed or cut-short bytes are refused as a damaged file is.
     */
    public byte[] unseal(byte[] sealed) {
        try (InputStream in = cipher == null ? new ByteArrayInputStream(sealed)
                : cipher.newDecryptingStream(new ByteArrayInputStream(sealed), CONTEXT)) {
            return in.readAllBytes();
        } catch (IOException | GeneralSecurityException e) {
            throw new DocumentException("document.error.missingFile", e);
        }
    }

    /**
     * Forces a staged file to disk (a reader that stages many files forces each in the background as
     * soon as it is finished, while it reads the next, then places them all as forced).
     */
    public void force(Staged staged) {
        try {
            force(staged.temp);
        } catch (IOException e) {
            throw new DocumentException("document.error.storeFailed", e, root.toString());
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    public void discard(Staged staged) {
        deleteQuietly(staged.temp);
    }

    private Path path(String sha256) {
        if (!NAME.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 name");
        }
        String name = fileName(sha256);
        return root.resolve(name.substring(0, 2)).resolve(name);
    }

    /** The name on disk: the SHA-256 itself on a plain store, its keyed hash on an encrypted one. */
    private String fileName(String sha256) {
        return key == null ? sha256 : key.name(sha256);
    }

    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    public byte[] read(String sha256) {
        try (InputStream in = openFile(path(sha256))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DocumentException("document.error.missingFile", e);
        }
    }

    /** Streams a stored file (a bundle copies upload copies this way, never holding one in memory). */
    public InputStream open(String sha256) throws IOException {
        return openFile(path(sha256));
    }

    /** Whether the file's content still has the hash it is named by. */
    public boolean intact(String sha256) {
        try (InputStream in = openFile(path(sha256))) {
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

    /** The names on disk of the files with these hashes (to compare with {@link #all}). */
    public Set<String> namesOf(java.util.Collection<String> sha256s) {
        Set<String> names = new HashSet<>();
        for (String sha : sha256s) {
            names.add(fileName(sha));
        }
        return names;
    }

    /** The names of all stored files (on a plain store, their hashes; see {@link #namesOf}). */
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

    /** The folder the encrypted documents live in, inside a data folder (a restore moves it whole). */
    public static final String FOLDER = ENCRYPTED_FOLDER;

    /** The file's name on disk (a backup keeps the files under these names, as they are). */
    public String diskName(String sha256) {
        path(sha256); // checks the name
        return fileName(sha256);
    }

    /** The stored file's bytes as they lie on disk (sealed), for a backup; its size. */
    public long copySealed(String sha256, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(path(sha256))) {
            return in.transferTo(out);
        }
    }

    /**
     * The SHA-256 of what a sealed file holds, read from {@code sealed} (a backup's copy), or empty
     * when it does not decrypt with this store's key (changed, cut short, another store's).
     */
    public java.util.Optional<String> sha256OfSealed(InputStream sealed) {
        MessageDigest digest = sha256();
        try (InputStream in = cipher == null ? sealed : cipher.newDecryptingStream(sealed, CONTEXT)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | GeneralSecurityException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Writes a sealed file under its disk name (a restore), through a temp file moved into place;
     * {@link #forceFolders} then forces every file and folder at once (one fsync per file as it is
     * written cost a restore of 4,000 files half its time). @return the bytes written
     */
    public long putSealed(String diskName, InputStream sealed) throws IOException {
        if (!NAME.matcher(diskName).matches()) {
            throw new IOException("not a document name");
        }
        Path temp = newTemp();
        Path target = root.resolve(diskName.substring(0, 2)).resolve(diskName);
        try {
            long n;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                n = 0;
                byte[] buffer = new byte[512 * 1024];
                for (int r; (r = sealed.read(buffer)) >= 0; ) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buffer, 0, r);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    n += r;
                }
            }
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n; // the folders are forced once, after the last file ({@link #forceFolders}): a rekey writes thousands
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * The SHA-256 of a stored file's bytes as they lie on disk (sealed), or empty when it is not
     * there: a restore compares it with the backup's authenticated manifest, which names the bytes
     * whose content the backup's own trial restore decrypted and checked.
     */
    public java.util.Optional<String> sealedSha256(String sha256) {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(path(sha256))) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Forces every file and folder of the store to disk (after {@link #putSealed}: all survive a power cut). */
    public void forceFolders() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path f : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
                try (Stream<Path> files = Files.list(f)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                            c.force(true);
                        }
                    }
                }
                AtomicFile.forceFolder(f);
            }
        }
        AtomicFile.forceFolder(root);
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
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (String sha : referenced) {
            names.put(fileName(sha), sha);
        }
        int orphans = 0;
        for (String name : stored) {
            if (!names.containsKey(name)) {
                deleteQuietly(root.resolve(name.substring(0, 2)).resolve(name));
                orphans++;
            }
        }
        Set<String> missing = new HashSet<>();
        names.forEach((name, sha) -> {
            if (!stored.contains(name)) {
                missing.add(sha);
            }
        });
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
