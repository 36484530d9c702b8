package id.berkasdesa.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one zip reader every bundle, answer, backup and xlsx goes through, on real zip files. */
class SafeZipTest {

    private static final SafeZip.Limits LIMITS = new SafeZip.Limits(10, 1 << 20, 3 << 20, 100);

    @TempDir
    Path dir;

    @Test
    void aZipThatLiesAboutItsSizeIsRefusedWhileItIsReadNotBelieved() throws IOException {
        // 5 MB of zeros packs into a few KB; the central directory then claims 1,000 bytes
        Path zip = zip(Map.of("data/scan.jpg", new byte[5 << 20]));
        declareSize(zip, 1000);

        try (SafeZip z = SafeZip.open(zip, LIMITS)) {
            ZipArchiveEntry e = z.files().get("data/scan.jpg");
            assertThat(e.getSize()).isEqualTo(1000);
            assertThatThrownBy(() -> z.bytes(e, 1 << 20)).isInstanceOfSatisfying(SafeZip.Refused.class,
                    r -> assertThat(r.fault()).isEqualTo(SafeZip.Fault.BOMB));
            assertThatThrownBy(() -> {
                try (InputStream in = z.read(e)) {
                    in.readAllBytes();
                }
            }).satisfies(x -> assertThat(SafeZip.refusal(x)).hasValueSatisfying(
                    r -> assertThat(r.fault()).isEqualTo(SafeZip.Fault.BOMB)));
        }
    }

    @Test
    void anEntryShorterThanItSaysIsDamaged() throws IOException {
        Path zip = zip(Map.of("a.txt", "halo".getBytes()));
        declareSize(zip, 10);
        try (SafeZip z = SafeZip.open(zip, LIMITS)) {
            assertThatThrownBy(() -> z.bytes(z.files().get("a.txt"), 100)).isInstanceOfSatisfying(SafeZip.Refused.class,
                    r -> assertThat(r.fault()).isEqualTo(SafeZip.Fault.DAMAGED));
        }
    }

    @Test
    void entriesOverTheWholeLimitAreRefusedEvenWhenEachIsWithinItsOwn() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            files.put("f" + i, new byte[1 << 20]);
        }
        try (SafeZip z = SafeZip.open(zip(files), LIMITS)) {
            assertThatThrownBy(z::readAll).isInstanceOfSatisfying(SafeZip.Refused.class,
                    r -> assertThat(r.fault()).isEqualTo(SafeZip.Fault.BOMB));
        }
    }

    @Test
    void unsafeNamesCaseTwinsAndTooManyEntriesAreRefusedBeforeAnythingIsRead() throws IOException {
        assertRefused(zip(Map.of("../../etc/passwd", new byte[1])), SafeZip.Fault.UNSAFE_NAME);
        assertRefused(zip(Map.of("C:/x", new byte[1])), SafeZip.Fault.UNSAFE_NAME);
        Map<String, byte[]> twins = new LinkedHashMap<>();
        twins.put("data/KK.pdf", new byte[1]);
        twins.put("data/kk.PDF", new byte[1]);
        assertRefused(zip(twins), SafeZip.Fault.DUPLICATE);
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("f" + i, new byte[1]);
        }
        assertRefused(zip(many), SafeZip.Fault.TOO_MANY_ENTRIES);
        assertRefused(Files.writeString(dir.resolve("bukan.zip"), "bukan zip"), SafeZip.Fault.NOT_ZIP);
    }

    @Test
    void aGoodZipReadsWhole() throws IOException {
        try (SafeZip z = SafeZip.open(zip(Map.of("a/b.txt", "isi".getBytes())), LIMITS)) {
            assertThat(new String(z.bytes(z.files().get("a/b.txt"), 10))).isEqualTo("isi");
            z.readAll();
        }
    }

    private void assertRefused(Path zip, SafeZip.Fault fault) {
        assertThatThrownBy(() -> SafeZip.open(zip, LIMITS).close()).isInstanceOfSatisfying(SafeZip.Refused.class,
                r -> assertThat(r.fault()).isEqualTo(fault));
    }

    private Path zip(Map<String, byte[]> files) throws IOException {
        Path zip = Files.createTempFile(dir, "z", ".zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    /** Rewrites the uncompressed size the central directory gives every entry (what a reader believes). */
    private static void declareSize(Path zip, int size) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 28 < b.length; i++) {
            if (buf.getInt(i) == 0x02014b50) {
                buf.putInt(i + 24, size);
                patched++;
            }
        }
        assertThat(patched).isPositive();
        Files.write(zip, b);
    }
}
