package id.berkasdesa.backup;

import com.google.crypto.tink.StreamingAead;
import id.berkasdesa.keys.StoreKey;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import id.berkasdesa.common.SafeZip;

/**
 * The backup file: one zip of stored (not compressed) entries under {@code cadangan/}:
 * {@code manifest.json} (see {@link Manifest}), {@code manifest.mac} (HMAC-SHA256 of it under the
 * store key), {@code kunci.json} (the store's key file: the key wrapped for each account's password
 * and for the recovery code), {@code basisdata.bin} (H2's SCRIPT, each statement length-prefixed,
 * deflated, then Tink streaming AES-256-GCM under a key of the store's own) and
 * {@code dokumen/<name>} (each document file as it lies in the store: already sealed).
 */
final class BackupFile {

    static final String PREFIX = "cadangan/";
    static final String MANIFEST = "manifest.json";
    static final String MAC = "manifest.mac";
    static final String KEY_FILE = "kunci.json";
    static final String DATABASE = "basisdata.bin";
    static final String DOCUMENTS = "dokumen/";
    private static final String MAC_PURPOSE = "berkas-desa backup manifest v1";
    private static final String DB_PURPOSE = "berkas-desa backup database v1";
    /** A statement of SCRIPT is a few KB; anything near this is not ours. */
    private static final int MAX_STATEMENT = 64 * 1024 * 1024;

    private BackupFile() {
    }

    static byte[] context(String storeId) {
        return ("berkas-desa cadangan v1|" + storeId).getBytes(StandardCharsets.UTF_8);
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a backup into a new file; {@link #finish} adds the manifest and forces it to disk. */
    static final class Writer implements Closeable {
        private final FileChannel channel;
        private final ZipArchiveOutputStream zip;
        private final List<Manifest.Part> parts = new ArrayList<>();

        Writer(Path file) throws IOException {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            this.zip = new ZipArchiveOutputStream(channel);
            zip.setMethod(ZipArchiveOutputStream.STORED);
        }

        /** One part, its size and checksum recorded for the manifest. */
        Manifest.Part part(String name, Body body) throws IOException {
            zip.putArchiveEntry(new ZipArchiveEntry(PREFIX + name));
            MessageDigest sha = sha256();
            long[] size = {0};
            OutputStream counted = new FilterOutputStream(zip) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sha.update(b, off, len);
                    size[0] += len;
                    zip.write(b, off, len);
                }

                @Override
                public void close() {
                    // the entry is closed by the writer
                }
            };
            body.write(counted);
            zip.closeArchiveEntry();
            Manifest.Part p = new Manifest.Part(name, size[0], HexFormat.of().formatHex(sha.digest()));
            parts.add(p);
            return p;
        }

        /** The database part: the statements, deflated and sealed under the store's key. */
        static Body statements(StoreKey key, String storeId, java.util.function.Consumer<java.util.function.Consumer<String>> script) {
            return out -> {
                try (OutputStream sealed = cipher(key).newEncryptingStream(new id.berkasdesa.common.KeptOpen(out), context(storeId));
                        DataOutputStream data = new DataOutputStream(
                                new DeflaterOutputStream(sealed, new Deflater(Deflater.BEST_SPEED), 1 << 16))) {
                    IOException[] failed = {null};
                    script.accept(sql -> {
                        if (failed[0] != null) {
                            return;
                        }
                        try {
                            byte[] b = sql.getBytes(StandardCharsets.UTF_8);
                            data.writeInt(b.length);
                            data.write(b);
                        } catch (IOException e) {
                            failed[0] = e;
                        }
                    });
                    if (failed[0] != null) {
                        throw failed[0];
                    }
                    data.writeInt(-1); // the end: a stream cut short never reads as complete
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            };
        }

        List<Manifest.Part> parts() {
            return List.copyOf(parts);
        }

        /** Adds the manifest and its MAC, ends the zip and forces the file to disk. */
        void finish(Manifest manifest, StoreKey key) throws IOException {
            byte[] json = manifest.toJson();
            zip.putArchiveEntry(new ZipArchiveEntry(PREFIX + MANIFEST));
            zip.write(json);
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new ZipArchiveEntry(PREFIX + MAC));
            zip.write(key.mac(MAC_PURPOSE, json).getBytes(StandardCharsets.US_ASCII));
            zip.closeArchiveEntry();
            zip.finish();
            channel.force(true);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * A backup opened for reading: its manifest (not yet authenticated: see {@link #authenticate})
     * and exactly the entries it lists, each of the size it says; each part read is checked against
     * its checksum when its end is reached.
     */
    static final class Reader implements Closeable {
        private final String fileName;
        private final ZipFile zip;
        private final Manifest manifest;
        private final byte[] manifestJson;
        private final Map<String, ZipArchiveEntry> entries;

        private Reader(String fileName, ZipFile zip, Manifest manifest, byte[] manifestJson, Map<String, ZipArchiveEntry> entries) {
            this.fileName = fileName;
            this.zip = zip;
            this.manifest = manifest;
            this.manifestJson = manifestJson;
            this.entries = entries;
            manifest.parts().forEach(p -> parts.put(p.name(), p));
        }

        private final Map<String, Manifest.Part> parts = new java.util.HashMap<>();

        /** @throws BackupException "backup.error.notBackup" or "backup.error.damaged" */
        /** A backup is stored entries, each checked against the manifest; a database part may be large. */
        private static final SafeZip.Limits LIMITS = new SafeZip.Limits(200_000, Long.MAX_VALUE, Long.MAX_VALUE, 1);

        static Reader open(Path file) {
            String name = file.getFileName().toString();
            ZipFile zip;
            try {
                zip = SafeZip.open(file, LIMITS).zip();
            } catch (SafeZip.Refused e) {
                throw new BackupException("backup.error.notBackup", e, name);
            }
            try {
                Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
                for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                    if (!e.getName().startsWith(PREFIX) || e.getMethod() != ZipArchiveEntry.STORED
                            || entries.put(e.getName().substring(PREFIX.length()), e) != null) {
                        throw new BackupException("backup.error.notBackup", name);
                    }
                }
                ZipArchiveEntry m = entries.get(MANIFEST);
                if (m == null || m.getSize() > 16 * 1024 * 1024 || !entries.containsKey(MAC)) {
                    throw new BackupException("backup.error.notBackup", name);
                }
                byte[] json;
                try (InputStream in = SafeZip.read(zip, m)) {
                    json = in.readNBytes((int) m.getSize() + 1);
                }
                Manifest manifest = Manifest.parse(json, name);
                java.util.Set<String> expected = new java.util.HashSet<>(java.util.List.of(MANIFEST, MAC));
                for (Manifest.Part p : manifest.parts()) {
                    ZipArchiveEntry e = entries.get(p.name());
                    if (e == null || e.getSize() != p.size() || !expected.add(p.name())) {
                        throw new BackupException("backup.error.damaged", name, p.name());
                    }
                }
                if (!expected.equals(entries.keySet())) {
                    throw new BackupException("backup.error.damaged", name, MANIFEST);
                }
                return new Reader(name, zip, manifest, json, entries);
            } catch (IOException | RuntimeException e) {
                try {
                    zip.close();
                } catch (IOException x) {
                    e.addSuppressed(x);
                }
                if (e instanceof BackupException b) {
                    throw b;
                }
                throw new BackupException("backup.error.notBackup", e, name);
            }
        }

        Manifest manifest() {
            return manifest;
        }

        String fileName() {
            return fileName;
        }

        /** The key file inside (checked against its checksum). */
        byte[] keyFile() {
            return read(KEY_FILE, InputStream::readAllBytes);
        }

        interface Use<T> {
            T apply(InputStream in) throws IOException;
        }

        /**
         * Reads part {@code name} with {@code use} (which may stop before its end: it is read to its
         * end afterwards), then checks its size and checksum.
         *
         * @throws BackupException "backup.error.damaged" when they differ or it cannot be read
         */
        <T> T read(String name, Use<T> use) {
            try (InputStream in = part(name)) {
                T result = use.apply(new FilterInputStream(in) {
                    @Override
                    public void close() {
                        // drained and closed below
                    }
                });
                in.transferTo(OutputStream.nullOutputStream());
                return result;
            } catch (IOException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof DamagedPart || t instanceof SafeZip.Refused) {
                        throw damaged(name, e);
                    }
                }
                // not the backup's bytes: the stick could not be read, or the disk written
                throw new BackupException("backup.error.io", e, e.getClass().getSimpleName());
            }
        }

        /** @throws BackupException "backup.error.damaged" unless the manifest is this store key's */
        void authenticate(StoreKey key) {
            byte[] mac;
            try (InputStream in = SafeZip.read(zip, entries.get(MAC))) {
                mac = in.readNBytes(200);
            } catch (IOException e) {
                throw damaged(MAC, e);
            }
            if (!MessageDigest.isEqual(key.mac(MAC_PURPOSE, manifestJson).getBytes(StandardCharsets.US_ASCII), mac)) {
                throw damaged(MANIFEST, null);
            }
        }

        /** A part's bytes as stored; reading its end checks its checksum (an IOException when it differs). */
        InputStream part(String name) throws IOException {
            Manifest.Part p = parts.get(name);
            if (p == null) {
                throw damaged(name, null);
            }
            return new Checked(SafeZip.read(zip, entries.get(name)), p);
        }

        /** Runs each of the database's statements through {@code sink}, decrypted, inflated and checked as they are read. */
        void statements(StoreKey key, java.util.function.Consumer<Iterator<String>> sink) {
            read(DATABASE, raw -> {
                DataInputStream data;
                try {
                    data = new DataInputStream(new InflaterInputStream(
                            cipher(key).newDecryptingStream(raw, context(manifest.storeId())), new java.util.zip.Inflater(), 1 << 16));
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
                sink.accept(new Iterator<>() {
                    private String next = advance();

                    private String advance() {
                        try {
                            int n = data.readInt();
                            if (n == -1) {
                                if (data.read() != -1) {
                                    throw new IOException("data after the end");
                                }
                                return null;
                            }
                            if (n < 0 || n > MAX_STATEMENT) {
                                throw new IOException("not a statement");
                            }
                            byte[] b = data.readNBytes(n);
                            if (b.length != n) {
                                throw new EOFException();
                            }
                            return new String(b, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw damaged(DATABASE, e);
                        }
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public String next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        String s = next;
                        next = advance();
                        return s;
                    }
                });
                return null;
            });
        }

        BackupException damaged(String part, Throwable cause) {
            return new BackupException("backup.error.damaged", cause, fileName, part);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** Counts and hashes what is read; at its end, refuses a size or checksum other than the manifest's. */
    private static final class Checked extends FilterInputStream {
        private final Manifest.Part part;
        private final MessageDigest sha = sha256();
        private long read;
        private boolean ended;

        Checked(InputStream in, Manifest.Part part) {
            super(in);
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                read += n;
            } else if (n < 0 && !ended) {
                ended = true;
                if (read != part.size() || !HexFormat.of().formatHex(sha.digest()).equals(part.sha256())) {
                    throw new DamagedPart(part.name());
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }

    /** A part whose bytes are not those the manifest names. */
    static final class DamagedPart extends EOFException {
        private static final long serialVersionUID = 1L;

        DamagedPart(String name) {
            super("checksum of " + name);
        }
    }

    private static StreamingAead cipher(StoreKey key) {
        return key.streaming(DB_PURPOSE);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
