package id.berkasdesa.bundle;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.BagReader;
import id.berkasdesa.exchange.BagWriter;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.Progress;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Periksa paket" on bad input: each case is refused with its own message, nothing else happens. */
class BagReaderTest {

    @TempDir
    static Path shared;
    static Path good;
    static String base;
    @TempDir
    Path dir;

    @BeforeAll
    static void bundle() throws IOException {
        Path stick = Files.createDirectories(shared.resolve("stick"));
        try (BundleStore store = new BundleStore(shared.resolve("store"), Files.createDirectories(shared.resolve("scans")), 1)) {
            good = store.bundles.export(store.ready, stick, Progress.none()).file();
        }
        base = good.getFileName().toString().replace(".zip", "") + "/";
    }

    @AfterAll
    static void done() {
        good = null;
    }

    @Test
    void theIntactBundleVerifies() {
        District.Verified v = District.verify(good, Progress.none());
        assertThat(v.requests()).isEqualTo(1);
        assertThat(v.documents()).isEqualTo(4);
        assertThat(v.kind()).isEqualTo("paket");
    }

    @Test
    void notAZip() throws IOException {
        Path f = Files.writeString(dir.resolve("paket.zip"), "ini bukan zip");
        refused(f, "bundle.error.notZip");
        refused(Files.write(dir.resolve("kosong.zip"), new byte[0]), "bundle.error.notZip");
        refused(dir.resolve("tidak-ada.zip"), "bundle.error.noFile");
    }

    @Test
    void entriesThatLeaveTheFolder() throws IOException {
        refused(rewrite((name, bytes) -> bytes, "../../evil.txt"), "bundle.error.unsafeEntry");
        refused(rewrite((name, bytes) -> bytes, "/etc/evil.txt"), "bundle.error.unsafeEntry");
        refused(rewrite((name, bytes) -> bytes, base + "data\\..\\..\\evil.txt"), "bundle.error.unsafeEntry");
        refused(rewrite((name, bytes) -> bytes, "C:/Windows/evil.txt"), "bundle.error.unsafeEntry");
    }

    @Test
    void aLinkEntry() throws IOException {
        Path f = dir.resolve("link.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(f)) {
            ZipArchiveEntry link = new ZipArchiveEntry(base + "data/dokumen");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write("/home".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        refused(f, "bundle.error.link");
    }

    @Test
    void zipBombs() throws IOException {
        Path big = dir.resolve("bom.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
            out.putNextEntry(new ZipEntry(base + "data/usulan.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros); // 64 MB of zeros in ~64 KB
            }
            out.closeEntry();
        }
        refused(big, "bundle.error.bomb");

        Path many = dir.resolve("banyak.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i <= BagReader.MAX_ENTRIES; i++) {
                out.putNextEntry(new ZipEntry(base + "data/f" + i));
                out.closeEntry();
            }
        }
        refused(many, "bundle.error.tooManyEntries");
    }

    @Test
    void aChangedByte() throws IOException {
        refused(rewrite((name, bytes) -> {
            if (name.endsWith("/ktp.jpg")) {
                bytes[bytes.length / 2] ^= 0x20;
            }
            return bytes;
        }, null), "bundle.error.checksum");
    }

    @Test
    void aMissingOrAnExtraPayloadFile() throws IOException {
        refused(rewrite((name, bytes) -> name.endsWith("/sktm.jpg") ? null : bytes, null), "bundle.error.missingFile");
        refused(rewrite((name, bytes) -> bytes, base + "data/dokumen/tambahan.pdf"), "bundle.error.extraFile");
    }

    @Test
    void aWrongPayloadOxum() throws IOException {
        refused(rewrite((name, bytes) -> name.endsWith("bag-info.txt")
                ? new String(bytes, StandardCharsets.UTF_8).replaceAll("Payload-Oxum: (\\d+)\\.", "Payload-Oxum: 1$1.")
                        .getBytes(StandardCharsets.UTF_8) : bytes, null), "bundle.error.oxum");
    }

    @Test
    void aChangedTagFile() throws IOException {
        refused(rewrite((name, bytes) -> name.endsWith("bag-info.txt")
                ? new String(bytes, StandardCharsets.UTF_8).replace("Rina Operator", "Orang Lain")
                        .getBytes(StandardCharsets.UTF_8) : bytes, null), "bundle.error.checksum");
    }

    @Test
    void anUnknownSchemaVersion() throws IOException {
        Path f = dir.resolve("versi.zip");
        try (OutputStream out = Files.newOutputStream(f)) {
            BagWriter bag = new BagWriter(out, "3201011001_20261123-1030", 0, Progress.none());
            bag.payload("paket.json", "{\"schema\":\"berkas-desa/paket\",\"versi\":99}".getBytes(StandardCharsets.UTF_8));
            bag.finish(java.util.Map.of(), java.time.LocalDate.of(2026, 11, 23));
        }
        refused(f, "bundle.error.version");
    }

    @Test
    void noBagAtAll() throws IOException {
        Path f = dir.resolve("biasa.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
            out.putNextEntry(new ZipEntry("foto.jpg"));
            out.write(1);
            out.closeEntry();
        }
        refused(f, "bundle.error.notBag");
    }

    static void refused(Path file, String key) {
        assertThatThrownBy(() -> District.verify(file, Progress.none()))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    /** The good bundle copied entry by entry through {@code change} (null drops the entry), plus one entry named {@code extra}. */
    Path rewrite(BiFunction<String, byte[], byte[]> change, String extra) throws IOException {
        Path f = dir.resolve("ubah-" + System.nanoTime() + ".zip");
        try (ZipFile in = new ZipFile(good.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(f))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = change.apply(e.getName(), s.readAllBytes());
                }
                if (bytes != null) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            if (extra != null) {
                out.putNextEntry(new ZipEntry(extra));
                out.write("x".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return f;
    }
}
