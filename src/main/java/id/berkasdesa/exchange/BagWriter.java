package id.berkasdesa.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a BagIt bag (RFC 8493) as a zip, streaming: payload files under {@code data/}, then the
 * tag files — {@code manifest-sha512.txt}, {@code bagit.txt}, {@code bag-info.txt} with its
 * Payload-Oxum, and {@code tagmanifest-sha512.txt}. Everything sits under one base folder named like
 * the zip, as the RFC's serialization asks. Entries are stored, not compressed: scans and PDFs are
 * compressed already, and a stored zip is read back at the speed of the stick.
 */
public final class BagWriter {

    static final String ALGORITHM = "sha512";
    private static final int BUFFER = 1 << 20;

    /** Size, CRC-32 (for the zip entry) and SHA-512 (for the manifest) of one file, read once before it is written. */
    public record Digest(long size, long crc, String sha512) {
    }

    private final ZipOutputStream zip;
    private final String base;
    private final Progress progress;
    private final long time;
    private final byte[] buffer = new byte[BUFFER];
    private final List<String> manifest = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private long payloadBytes;
    private int payloadFiles;

    public BagWriter(OutputStream out, String base, long time, Progress progress) {
        if (!SafeName.safe(base)) {
            throw new IllegalArgumentException("unsafe bag name");
        }
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.base = base;
        this.time = time;
        this.progress = progress;
        zip.setMethod(ZipOutputStream.STORED);
    }

    /** Reads {@code in} to the end for its size, CRC-32 and SHA-512 (the first of the two reads of a payload file). */
    public static Digest digest(InputStream in, Progress progress) throws IOException {
        MessageDigest sha = sha512();
        CRC32 crc = new CRC32();
        byte[] b = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(b)) > 0; ) {
            progress.check();
            sha.update(b, 0, n);
            crc.update(b, 0, n);
            size += n;
        }
        return new Digest(size, crc.getValue(), HexFormat.of().formatHex(sha.digest()));
    }

    static Digest digest(byte[] bytes) {
        try {
            return digest(new ByteArrayInputStream(bytes), Progress.none());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds a payload file at {@code data/<path>} from {@code in}, which must give exactly the bytes
     * {@code digest} was made from (the zip's CRC check refuses anything else).
     */
    public void payload(String path, Digest digest, InputStream in) throws IOException {
        entry("data/" + path, digest, in);
        manifest.add(digest.sha512() + "  data/" + path);
        payloadBytes += digest.size();
        payloadFiles++;
    }

    public void payload(String path, byte[] bytes) throws IOException {
        payload(path, digest(bytes), new ByteArrayInputStream(bytes));
    }

    /**
     * Writes the tag files and the zip's directory.
     *
     * @param info bag-info.txt's labels and values, in order; Bagging-Date and Payload-Oxum are added
     */
    public void finish(Map<String, String> info, LocalDate baggingDate) throws IOException {
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("manifest-" + ALGORITHM + ".txt", lines(manifest));
        tags.put("bagit.txt", lines(List.of("BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8")));
        List<String> infoLines = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(info);
        all.put("Bagging-Date", baggingDate.toString());
        all.put("Payload-Oxum", payloadBytes + "." + payloadFiles);
        all.forEach((label, value) -> infoLines.add(label + ": " + value.replaceAll("[\\r\\n]+", " ").strip()));
        tags.put("bag-info.txt", lines(infoLines));
        List<String> tagManifest = new ArrayList<>();
        for (Map.Entry<String, byte[]> tag : tags.entrySet()) {
            Digest d = digest(tag.getValue());
            entry(tag.getKey(), d, new ByteArrayInputStream(tag.getValue()));
            tagManifest.add(d.sha512() + "  " + tag.getKey());
        }
        byte[] tm = lines(tagManifest);
        entry("tagmanifest-" + ALGORITHM + ".txt", digest(tm), new ByteArrayInputStream(tm));
        zip.finish();
    }

    public long payloadBytes() {
        return payloadBytes;
    }

    private void entry(String path, Digest digest, InputStream in) throws IOException {
        if (!SafeName.safe(base + "/" + path) || !names.add(path.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unsafe or repeated name in a bag");
        }
        ZipEntry e = new ZipEntry(base + "/" + path);
        e.setMethod(ZipEntry.STORED);
        e.setSize(digest.size());
        e.setCompressedSize(digest.size());
        e.setCrc(digest.crc());
        e.setTime(time);
        zip.putNextEntry(e);
        for (int n; (n = in.read(buffer)) > 0; ) {
            progress.check();
            zip.write(buffer, 0, n);
            progress.advance(n);
        }
        zip.closeEntry(); // a file that changed since its digest fails here (CRC or size)
    }

    private static byte[] lines(List<String> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha512() {
        return digest("SHA-512");
    }

    public static MessageDigest digest(String javaName) {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
