package id.berkasdesa.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.PublicKeys;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A bundle protected for the stick (format in {@code docs/paket.md}): one {@code .zip} holding
 * <ul>
 *   <li>{@code isi.bin} — today's BagIt bag, as a zip, encrypted with a random content key by Tink's
 *       streaming AEAD (AES256_GCM_HKDF_1MB), written as a stream, never whole in memory;</li>
 *   <li>{@code paket-aman.json} — what anyone may read: whose bundle it is (the village's code, name
 *       and public keys), for which Dinas Sosial (its fingerprint), the content key encrypted to the
 *       district (HPKE), and the size and SHA-512 of {@code isi.bin};</li>
 *   <li>{@code BACA-SAYA.txt} — how to open it, in plain words;</li>
 *   <li>and, as the zip's comment (the file's last 128 bytes), the village's Ed25519 signature, in hex,
 *       of the SHA-256 of every byte before it: a byte changed anywhere in the file breaks it.</li>
 * </ul>
 * No NIK, no name of a person, nothing of the bag's content is outside the ciphertext. The content
 * cipher's associated data binds it to the bundle's id and the signing village's fingerprint: a
 * bundle re-signed by another village key no longer decrypts.
 */
public final class SealedBundle {

    static final String SCHEMA = "berkas-desa/paket-aman";
    static final int VERSION = 1;
    static final String HEADER = "paket-aman.json";
    static final String PAYLOAD = "isi.bin";
    /** The signature's hex in the zip comment: 64 bytes of Ed25519. */
    static final int SIGNATURE_HEX = 128;
    static final String README = "BACA-SAYA.txt";
    public static final String MARK_PLAIN = "TIDAK TERENKRIPSI";
    private static final int SEGMENT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedBundle() {
    }

    private static StreamingAead cipher(byte[] contentKey) {
        try {
            return new AesGcmHkdfStreaming(contentKey, "HmacSha256", 32, SEGMENT, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] context(String id, String villageFingerprint) {
        return ("berkas-desa paket-aman v1|" + id + "|" + villageFingerprint).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a protected bundle into {@code channel} (a file on the stick); the bag goes into {@link #payload}. */
    public static final class Writer {
        private final ZipArchiveOutputStream zip;
        private final String id;
        private final String name;
        private final KeyPair village;
        private final PublicKeys district;
        private final String kind;
        private final String forBundle;
        private final String format;
        private final byte[] contentKey = new byte[32];
        private final OutputStream payload;
        private final Counting counted;
        private final long time;
        private final SeekableByteChannel channel;

        public Writer(SeekableByteChannel channel, String id, String name, long time, KeyPair village, PublicKeys district,
                UnaryOperator<OutputStream> device) throws IOException {
            this(channel, id, name, time, village, district, device, "paket", null, "bag");
        }

        /**
         * @param village the sender, who signs (the village for a bundle, the Dinas Sosial for an answer)
         * @param district the recipient, to whom the content key is encrypted
         * @param kind "paket" or "balasan"; {@code forBundle} the bundle an answer answers
         * @param format what {@code isi.bin} holds: "bag" (a BagIt zip) or "xlsx"
         */
        public Writer(SeekableByteChannel channel, String id, String name, long time, KeyPair village, PublicKeys district,
                UnaryOperator<OutputStream> device, String kind, String forBundle, String format) throws IOException {
            this.kind = kind;
            this.forBundle = forBundle;
            this.format = format;
            this.zip = new ZipArchiveOutputStream(channel);
            this.channel = channel;
            this.id = id;
            this.name = name;
            this.village = village;
            this.district = district;
            this.time = time;
            RANDOM.nextBytes(contentKey);
            zip.setMethod(ZipArchiveEntry.STORED);
            zip.setUseZip64(org.apache.commons.compress.archivers.zip.Zip64Mode.AsNeeded);
            zip.setComment("0".repeat(SIGNATURE_HEX)); // the signature's place, filled in by finish
            entry(README);
            zip.write(readMe(district).getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            entry(PAYLOAD);
            counted = new Counting(device.apply(kept(zip)));
            try {
                payload = cipher(contentKey).newEncryptingStream(counted, context(id, village.publicKeys().fingerprint()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Where the bag's zip is written; the caller never closes it ({@link #finish} does). */
        public OutputStream payload() {
            return kept(payload);
        }

        /** The content key, for the read-back of the bundle just written (it never leaves memory). */
        public byte[] contentKey() {
            return contentKey.clone();
        }

        public void finish() throws IOException {
            payload.close(); // the cipher's last segment; the zip stays open
            counted.flush();
            zip.closeArchiveEntry();
            ObjectNode h = JSON.createObjectNode();
            h.put("schema", SCHEMA);
            h.put("version", VERSION);
            h.put("jenis", kind);
            h.put("id", id);
            h.put("nama", name);
            if (forBundle != null) {
                h.put("untukPaket", forBundle);
            }
            h.set("pengirim", village.publicKeys().toJson());
            ObjectNode d = h.putObject("penerima");
            d.put("kind", district.kind());
            d.put("kode", district.code());
            d.put("nama", district.name());
            d.put("sidikJari", district.fingerprint());
            ObjectNode isi = h.putObject("isi");
            isi.put("berkas", PAYLOAD);
            isi.put("format", format);
            isi.put("sandi", "AES256_GCM_HKDF_1MB");
            isi.put("kunci", Base64.getEncoder().encodeToString(
                    district.encrypt(contentKey, context(id, village.publicKeys().fingerprint()))));
            isi.put("ukuran", counted.count);
            byte[] header = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(h);
            entry(HEADER);
            zip.write(header);
            zip.closeArchiveEntry();
            zip.finish();
            // the signature of everything before it, in the comment's place
            long size = channel.size();
            byte[] digest = prefixDigest(channel, size - SIGNATURE_HEX, Progress.none());
            byte[] sig = HexFormat.of().formatHex(village.sign(signed(digest))).getBytes(StandardCharsets.US_ASCII);
            channel.position(size - SIGNATURE_HEX);
            ByteBuffer b = ByteBuffer.wrap(sig);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            Arrays.fill(contentKey, (byte) 0);
        }

        private void entry(String file) throws IOException {
            ZipArchiveEntry e = new ZipArchiveEntry(name + "/" + file);
            e.setMethod(ZipArchiveEntry.STORED);
            e.setTime(time);
            zip.putArchiveEntry(e);
        }
    }

    /**
     * What is signed: a label, then the SHA-256 of the file's bytes before the signature (SHA-256, not
     * the bag's SHA-512: the processors' SHA instructions make it three times as fast here, and this
     * hash is one more pass over the whole bundle).
     */
    private static byte[] signed(byte[] digest) {
        byte[] label = "berkas-desa paket-aman v1 sha256:".getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(label, label.length + digest.length);
        System.arraycopy(digest, 0, out, label.length, digest.length);
        return out;
    }

    private static byte[] prefixDigest(SeekableByteChannel channel, long length, Progress progress) throws IOException {
        MessageDigest sha = BagWriter.digest("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(1 << 20);
        channel.position(0);
        long left = length;
        progress.total(length);
        while (left > 0) {
            progress.check();
            b.clear();
            if (left < b.capacity()) {
                b.limit((int) left);
            }
            int n = channel.read(b);
            if (n < 0) {
                throw new IOException("cut short");
            }
            b.flip();
            sha.update(b);
            left -= n;
            progress.advance(n);
        }
        return sha.digest();
    }

    private static String readMe(PublicKeys district) {
        return """
                Paket usulan reaktivasi PBI-JK dari Berkas Desa, TERENKRIPSI untuk %s (sidik jari kunci %s).
                Isinya hanya bisa dibuka dengan kunci rahasia Dinas Sosial itu:
                  berkas-desa open-bundle <file ini> --key <kode>.kunci-rahasia --to <folder>
                Memeriksa tanda tangan desa dan keutuhan file tanpa kunci rahasia:
                  berkas-desa verify <file ini>
                """.formatted(district.name(), district.fingerprint()).replace("\n", "\r\n");
    }

    /** What the outside of a protected bundle says, after its signature and its ciphertext's hash checked. */
    public record Outside(String kind, String id, String name, PublicKeys village, String districtCode, String districtName,
            String districtFingerprint, String forBundle, String format, long payloadBytes, long zipBytes) {
        /** The sender (who signed): the village of a bundle, the Dinas Sosial of an answer. */
        public PublicKeys signer() {
            return village;
        }
    }

    /** Whether {@code file} is a protected bundle (has {@code paket-aman.json}), without checking it. */
    public static boolean isSealed(Path file) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            return Collections.list(zip.getEntries()).stream().anyMatch(e -> e.getName().endsWith("/" + HEADER));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** An opened protected bundle: checked outside; its bag readable with the content key. */
    public static final class Opened implements Closeable {
        private final Path file;
        private final ZipFile zip;
        private final Outside outside;
        private final String contentKeyField;
        private final ZipArchiveEntry payload;
        private final byte[] signature;

        private Opened(Path file, ZipFile zip, Outside outside, String contentKeyField, ZipArchiveEntry payload,
                byte[] signature) {
            this.signature = signature;
            this.file = file;
            this.zip = zip;
            this.outside = outside;
            this.contentKeyField = contentKeyField;
            this.payload = payload;
        }

        public Outside outside() {
            return outside;
        }

        /**
         * Reads the whole file once: the sender's signature (the key the header names) must be over
         * the SHA-512 of every byte before it. May run on another thread beside {@link #bag}.
         *
         * @throws BundleException "sealed.error.damaged"
         */
        public void checkSignature(Progress progress) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                byte[] digest = prefixDigest(channel, outside.zipBytes() - SIGNATURE_HEX, progress);
                if (!outside.signer().verifies(signature, signed(digest))) {
                    throw new BundleException("sealed.error.damaged", file.getFileName());
                }
            } catch (IOException e) {
                throw new BundleException("sealed.error.damaged", e, file.getFileName());
            }
        }

        /** The bag inside, decrypted as it is read, with the content key (from the district's private key, or kept by the writer). */
        public BagReader bag(byte[] contentKey) {
            byte[] key = contentKey.clone();
            try {
                return BagReader.open(plain(key), outside.name(),
                        () -> ZipFile.builder().setSeekableByteChannel(plain(key)).setIgnoreLocalFileHeader(true).get());
            } catch (IOException e) {
                throw new BundleException("sealed.error.damaged", e, file.getFileName());
            }
        }

        /** The content, decrypted as it is read (an answer's spreadsheet). */
        public InputStream plainStream(byte[] contentKey) throws IOException {
            return java.nio.channels.Channels.newInputStream(plain(contentKey));
        }

        /** The bag's zip, decrypted as it is read (for writing the plain bag out). */
        public SeekableByteChannel plainChannel(byte[] contentKey) throws IOException {
            return plain(contentKey);
        }

        private SeekableByteChannel plain(byte[] contentKey) throws IOException {
            FileChannel raw = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return cipher(contentKey).newSeekableDecryptingChannel(new Slice(raw, payload.getDataOffset(),
                        payload.getSize()), context(outside.id(), outside.village().fingerprint()));
            } catch (GeneralSecurityException | IOException e) {
                raw.close();
                throw new IOException(e);
            }
        }

        /** The content key, from the recipient's private keys. @throws BundleException when they are not the recipient's */
        public byte[] contentKey(KeyPair district) {
            if (!district.publicKeys().fingerprint().equals(outside.districtFingerprint())) {
                throw new BundleException("sealed.error.otherDistrict", outside.districtName(), outside.districtFingerprint(),
                        district.publicKeys().fingerprint());
            }
            try {
                return district.decrypt(Base64.getDecoder().decode(contentKeyField),
                        context(outside.id(), outside.village().fingerprint()));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new BundleException("sealed.error.damaged", e, file.getFileName());
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * Opens {@code file} and checks its outside: the entries are exactly the three, the header parses,
     * and the signature in the zip's comment is the village's (the key the header names) over every
     * byte before it — one read of the whole file.
     *
     * @throws BundleException "sealed.error.damaged" (changed, cut short, not signed) with the file name
     */
    public static Opened open(Path file, Progress progress) {
        Opened opened = openUnchecked(file);
        try {
            opened.checkSignature(progress);
            return opened;
        } catch (RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    /**
     * The same without the signature's check (the one read of the whole file): for the writer's own
     * read-back, which decrypts and checks everything inside instead, and for a check that runs the
     * signature's hash beside the decryption ({@link Opened#checkSignature}).
     */
    /** A sealed bundle is three stored entries: the read-me, the header and the payload (any size). */
    private static final id.berkasdesa.common.SafeZip.Limits OUTER =
            new id.berkasdesa.common.SafeZip.Limits(16, Long.MAX_VALUE, Long.MAX_VALUE, 1);

    public static Opened openUnchecked(Path file) {
        ZipFile zip;
        try {
            zip = id.berkasdesa.common.SafeZip.open(file, OUTER).zip();
        } catch (RuntimeException e) {
            throw new BundleException("sealed.error.damaged", e, file.getFileName());
        }
        try {
            Map<String, ZipArchiveEntry> entries = new TreeMap<>();
            String prefix = null;
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                int slash = e.getName().indexOf('/');
                if (slash <= 0 || e.getMethod() != ZipArchiveEntry.STORED || e.isDirectory()) {
                    throw new BundleException("sealed.error.damaged", file.getFileName());
                }
                String p = e.getName().substring(0, slash);
                if (prefix != null && !prefix.equals(p) || entries.put(e.getName().substring(slash + 1), e) != null) {
                    throw new BundleException("sealed.error.damaged", file.getFileName());
                }
                prefix = p;
            }
            if (!entries.keySet().equals(new java.util.TreeSet<>(java.util.List.of(HEADER, PAYLOAD, README)))) {
                throw new BundleException("sealed.error.damaged", file.getFileName());
            }
            JsonNode h = JSON.readTree(small(zip, entries.get(HEADER)));
            if (!SCHEMA.equals(h.path("schema").asText())) {
                throw new BundleException("sealed.error.damaged", file.getFileName());
            }
            if (h.path("version").asInt() > VERSION) {
                throw new BundleException("sealed.error.newer", h.path("version").asInt());
            }
            PublicKeys village = PublicKeys.fromJson(h.path("pengirim"));
            JsonNode isi = h.path("isi");
            ZipArchiveEntry payload = entries.get(PAYLOAD);
            if (payload.getSize() != isi.path("ukuran").asLong(-1)) {
                throw new BundleException("sealed.error.damaged", file.getFileName());
            }
            long size = Files.size(file);
            byte[] signature;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (size < SIGNATURE_HEX) {
                    throw new BundleException("sealed.error.damaged", file.getFileName());
                }
                ByteBuffer tail = ByteBuffer.allocate(SIGNATURE_HEX);
                channel.read(tail, size - SIGNATURE_HEX);
                String hex = new String(tail.array(), StandardCharsets.US_ASCII);
                if (!hex.matches("[0-9a-f]{" + SIGNATURE_HEX + "}")) {
                    throw new BundleException("sealed.error.damaged", file.getFileName());
                }
                signature = HexFormat.of().parseHex(hex);
            }
            JsonNode d = h.path("penerima");
            String kind = h.path("jenis").asText();
            if (!kind.equals("paket") && !kind.equals("balasan")) {
                throw new BundleException("sealed.error.damaged", file.getFileName());
            }
            Outside outside = new Outside(kind, h.path("id").asText(), h.path("nama").asText(), village,
                    d.path("kode").asText(), d.path("nama").asText(), d.path("sidikJari").asText(),
                    h.path("untukPaket").asText(null), isi.path("format").asText("bag"), payload.getSize(), size);
            return new Opened(file, zip, outside, isi.path("kunci").asText(), payload, signature);
        } catch (BundleException e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            throw new BundleException("sealed.error.damaged", e, file.getFileName());
        }
    }

    private static byte[] small(ZipFile zip, ZipArchiveEntry e) throws IOException {
        if (e.getSize() > 64 * 1024) {
            throw new IOException("too large");
        }
        try (InputStream in = id.berkasdesa.common.SafeZip.read(zip, e)) {
            return in.readNBytes(64 * 1024);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** An output stream whose close does not close what is beneath. */
    private static OutputStream kept(OutputStream out) {
        return new id.berkasdesa.common.KeptOpen(out);
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** A read-only window of a file: the stored entry {@code isi.bin}, for the seekable decryption. */
    private static final class Slice implements SeekableByteChannel {
        private final FileChannel file;
        private final long start;
        private final long size;
        private long position;

        Slice(FileChannel file, long start, long size) {
            this.file = file;
            this.start = start;
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (position >= size) {
                return -1;
            }
            int room = (int) Math.min(dst.remaining(), size - position);
            ByteBuffer view = dst.slice();
            view.limit(room);
            int n = file.read(view, start + position);
            if (n > 0) {
                dst.position(dst.position() + n);
                position += n;
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long s) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
