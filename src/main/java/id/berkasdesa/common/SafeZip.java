package id.berkasdesa.common;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The one way the app reads a zip it did not just write (a bundle, an answer, a backup, an xlsx):
 * before anything is read every entry is checked — how many there are, names that stay inside
 * (no absolute path, no "..", no backslash or control character), no links, no two names that differ
 * only in case, a declared size and compression ratio within reason — and every entry is then read
 * through a stream that counts the bytes really unpacked, so a zip that lies about its sizes is
 * refused as it is read, never believed. Nothing is unpacked to disk.
 *
 * <p>What is wrong is a {@link Fault}; each feature turns it into its own message.
 */
public final class SafeZip implements Closeable {

    /** Why a zip is refused. */
    public enum Fault { NOT_ZIP, TOO_MANY_ENTRIES, UNSAFE_NAME, LINK, DUPLICATE, BOMB, DAMAGED }

    /** A refused zip: the fault, and the entry it concerns (printable, shortened), if any. */
    public static final class Refused extends RuntimeException {
        private final Fault fault;
        private final String entry;

        Refused(Fault fault, String entry, Throwable cause) {
            super(fault + (entry.isEmpty() ? "" : ": " + entry), cause);
            this.fault = fault;
            this.entry = entry;
        }

        public Fault fault() {
            return fault;
        }

        public String entry() {
            return entry;
        }
    }

    /**
     * How far a zip may go: entries, bytes of one entry, bytes of all together (as really read), and
     * how many times a compressed entry above 1 MB may expand.
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
    }

    private final ZipFile zip;
    private final Limits limits;
    private final Map<String, ZipArchiveEntry> files;
    private long total;

    private SafeZip(ZipFile zip, Limits limits, Map<String, ZipArchiveEntry> files) {
        this.zip = zip;
        this.limits = limits;
        this.files = files;
    }

    /** Opens {@code file} and checks its entries. @throws Refused */
    public static SafeZip open(Path file, Limits limits) {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException | RuntimeException e) {
            throw new Refused(Fault.NOT_ZIP, "", e);
        }
        return checked(zip, limits);
    }

    /**
     * A zip read from a channel (a sealed bundle's content, decrypted as it is read). Local headers
     * are read as each entry is read: over a decrypting channel reading them all at the opening
     * would decrypt the whole zip once more. Closing the reader closes the channel.
     */
    public static SafeZip open(SeekableByteChannel channel, Limits limits) {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(channel).setIgnoreLocalFileHeader(true).get();
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException x) {
                e.addSuppressed(x);
            }
            throw new Refused(Fault.NOT_ZIP, "", e);
        }
        return checked(zip, limits);
    }

    private static SafeZip checked(ZipFile zip, Limits limits) {
        try {
            return new SafeZip(zip, limits, check(zip, limits));
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static Map<String, ZipArchiveEntry> check(ZipFile zip, Limits limits) {
        List<ZipArchiveEntry> all = Collections.list(zip.getEntries());
        if (all.size() > limits.maxEntries()) {
            throw new Refused(Fault.TOO_MANY_ENTRIES, String.valueOf(all.size()), null);
        }
        Map<String, ZipArchiveEntry> files = new LinkedHashMap<>();
        Set<String> lower = new HashSet<>();
        for (ZipArchiveEntry e : all) {
            String name = e.getName();
            if (!safeName(name)) {
                throw new Refused(Fault.UNSAFE_NAME, printable(name), null);
            }
            if (e.isUnixSymlink()) {
                throw new Refused(Fault.LINK, printable(name), null);
            }
            if (!lower.add(name.toLowerCase(Locale.ROOT))) {
                throw new Refused(Fault.DUPLICATE, printable(name), null);
            }
            if (e.isDirectory()) {
                continue;
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size < 0 || size > limits.maxEntryBytes()
                    || (e.getMethod() != ZipArchiveEntry.STORED && size > (1 << 20)
                    && size > limits.maxRatio() * Math.max(1, packed))) {
                throw new Refused(Fault.BOMB, printable(name), null);
            }
            files.put(name, e);
        }
        return files;
    }

    /** The files (not folders), by name, in the zip's order; every one checked. */
    public Map<String, ZipArchiveEntry> files() {
        return files;
    }

    /** The zip beneath, for a caller that reads it with a second handle of its own. */
    public ZipFile zip() {
        return zip;
    }

    /**
     * An entry's bytes as really unpacked: more than it declared, or than the limits together
     * allow, is {@link Fault#BOMB}; fewer, at its end, {@link Fault#DAMAGED} (both as the
     * {@code IOException}'s cause, {@link #refusal} finds it).
     */
    public InputStream read(ZipArchiveEntry entry) throws IOException {
        return counted(zip, entry, this);
    }

    /** The same for a second handle on the same file (a reader thread of its own). */
    public static InputStream read(ZipFile other, ZipArchiveEntry entry) throws IOException {
        return counted(other, entry, null);
    }

    private static InputStream counted(ZipFile from, ZipArchiveEntry entry, SafeZip owner) throws IOException {
        long declared = entry.getSize();
        String name = printable(entry.getName());
        return new FilterInputStream(from.getInputStream(entry)) {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    if (read != declared) {
                        throw new IOException(new Refused(Fault.DAMAGED, name, null));
                    }
                    return n;
                }
                read += n;
                if (read > declared || (owner != null && (owner.total += n) > owner.limits.maxTotalBytes())) {
                    throw new IOException(new Refused(Fault.BOMB, name, null));
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
            }
        };
    }

    /**
     * A file of the zip, whole, when it is no bigger than {@code max}.
     *
     * @throws Refused BOMB when bigger, DAMAGED when it cannot be read whole
     */
    public byte[] bytes(ZipArchiveEntry entry, long max) {
        if (entry.getSize() > max) {
            throw new Refused(Fault.BOMB, printable(entry.getName()), null);
        }
        try (InputStream in = read(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw refusal(e).orElseGet(() -> new Refused(Fault.DAMAGED, printable(entry.getName()), e));
        }
    }

    /** Reads every file to its end, counting; for a zip that another library reads afterwards (an xlsx). */
    public void readAll() {
        byte[] buffer = new byte[64 * 1024];
        for (ZipArchiveEntry e : files.values()) {
            try (InputStream in = read(e)) {
                while (in.read(buffer) >= 0) {
                    // counted
                }
            } catch (IOException x) {
                throw refusal(x).orElseGet(() -> new Refused(Fault.DAMAGED, printable(e.getName()), x));
            }
        }
    }

    /** The refusal inside a read's {@code IOException}, if that is what it was. */
    public static java.util.Optional<Refused> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused r) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /** A name that stays inside the zip's folder on every system. */
    public static boolean safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String part : body.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A name fit for a message: control characters shown as '?', at most 80 characters. */
    public static String printable(String name) {
        String s = name.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
