package id.berkasdesa.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive in whole fresh JVMs, as the launcher runs them: {@code class-archive} makes
 * one that the next start maps, and a start whose archive is missing, cut short, changed or stale
 * (the app was upgraded) still runs whole, its window too, loading its classes from the jars.
 */
class ClassArchiveTest {

    private static final String NIK = "3201015708850003";

    @TempDir
    static Path dir;

    /** The app as a jar, as installed (a class path folder cannot be archived), then its libraries. */
    private static String classPath;

    private static Path archive;

    @BeforeAll
    static void makeArchive() throws IOException {
        Path classes = Path.of("target", "classes");
        jar(dir.resolve("berkas-desa.jar"), classes);
        List<String> entries = new ArrayList<>(List.of(dir.resolve("berkas-desa.jar").toString()));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && !e.contains("surefire")).forEach(entries::add);
        classPath = String.join(File.pathSeparator, entries);
        archive = dir.resolve("berkas-desa.jsa");
        Run made = run(List.of(), "class-archive", "--to", archive.toString());
        assertThat(made.exit).as(made.out).isZero();
        assertThat(made.out).contains("\"file\":");
    }

    @Test
    void theNextStartMapsTheArchiveItMade() throws IOException {
        assertThat(Files.size(archive)).isGreaterThan(10_000_000);
        assertThat(dir).isDirectoryNotContaining("glob:**.baru");
        Run r = nik(archive);
        assertThat(r.out).contains("\"verdict\":\"valid\"");
        assertThat(fromArchive(r)).as("the app's classes come from the archive").isGreaterThan(10);
    }

    @Test
    void aMissingArchiveCostsOnlySpeed() {
        Run r = nik(dir.resolve("tidak-ada.jsa"));
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("\"verdict\":\"valid\"");
        assertThat(fromArchive(r)).isZero();
    }

    @Test
    void anArchiveCutShortIsRefusedNotFatal() throws IOException {
        Path cut = dir.resolve("terpotong.jsa");
        byte[] whole = Files.readAllBytes(archive);
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Run r = nik(cut);
        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out).contains("\"verdict\":\"valid\"");
        assertThat(fromArchive(r)).isZero();
    }

    @Test
    void anArchiveWithChangedBytesIsRefusedNotUsed() throws IOException {
        for (double at : new double[] {0.0001, 0.3, 0.7}) {
            Path changed = dir.resolve("berubah.jsa");
            byte[] bytes = Files.readAllBytes(archive);
            int offset = (int) (bytes.length * at);
            for (int i = 0; i < 16; i++) {
                bytes[offset + i] ^= (byte) 0x5a;
            }
            Files.write(changed, bytes);
            Run r = nik(changed);
            assertThat(r.exit).as(r.out).isZero();
            assertThat(r.out).contains("\"verdict\":\"valid\"");
            assertThat(fromArchive(r)).as("changed at %s", at).isZero();
        }
    }

    @Test
    void anArchiveOfAnEarlierVersionIsIgnoredAndTheWindowStillOpens() throws IOException {
        // an upgrade: the app's jar at the same place is another file now; the archive was made for the old one
        Path installed = dir.resolve("berkas-desa.jar");
        Path kept = dir.resolve("berkas-desa.jar.lama");
        Path classes = dir.resolve("kelas-baru");
        id.berkasdesa.document.TestFiles.copyTree(Path.of("target", "classes"), classes);
        Files.writeString(classes.resolve("versi-baru.txt"), "0.2.0");
        Files.move(installed, kept); // a rename keeps its size and time: put back, the archive fits again
        try {
            jar(installed, classes);
            Run r = nik(archive);
            assertThat(r.out).contains("\"verdict\":\"valid\"");
            assertThat(fromArchive(r)).isZero();
            Run window = run(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Dglass.platform=Monocle",
                    "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dheadless.geometry=1366x768-32"),
                    "--data-dir", dir.resolve("data").toString(), "--exit-after-shown");
            assertThat(window.exit).as(window.out).isZero();
            assertThat(window.out).contains("first_window_ms");
        } finally {
            Files.move(kept, installed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(fromArchive(nik(archive))).as("the old jar back in place").isGreaterThan(10);
    }

    @Test
    void withoutAPlaceToKeepItTheCommandSaysSo() {
        Run r = run(List.of(), "class-archive");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.out).contains("--to");
    }

    private static Run nik(Path archiveFile) {
        return run(List.of("-XX:SharedArchiveFile=" + archiveFile, "-XX:+VerifySharedSpaces", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-Xlog:class+load=info"), "nik", NIK);
    }

    /** Classes of the app the JVM took from the archive, by its class loading log. */
    private static long fromArchive(Run r) {
        return r.out.lines().filter(l -> l.contains(" id.berkasdesa.") && l.contains("source: shared objects file")).count();
    }

    private record Run(int exit, String out) {
    }

    private static Run run(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "id.berkasdesa.app.Main"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(p.waitFor(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void jar(Path jar, Path classes) {
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
        StringWriter err = new StringWriter();
        int exit = tool.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--create", "--file", jar.toString(),
                "-C", classes.toString(), ".");
        assertThat(exit).as(err.toString()).isZero();
    }
}
