package id.berkasdesa.bundle;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.BagWriter;
import id.berkasdesa.exchange.Progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example files of docs/paket.md: a bundle of two invented requests and a response bag answering
 * it, made here from a real store. {@code -Dbundle.example.dir=docs/contoh} writes them there; the
 * examples committed under docs/contoh must stay intact and readable by this version.
 */
class ExampleBundleTest {

    static final Path COMMITTED = Path.of("docs", "contoh");

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    @TempDir
    Path stick;

    @Test
    void theExampleBundleAndItsResponseAreMadeFromARealStore() throws IOException {
        Path bundle;
        Path response;
        try (BundleStore store = new BundleStore(dir, scratch, 2)) {
            BundleService.Exported e = store.bundles.export(store.ready, stick, Progress.none());
            bundle = e.file();
            response = responseBag(stick, e.name(), store.ready.get(0).toString(), store.ready.get(1).toString());
            ResponseService.Preview p = store.responses.read(response);
            assertThat(p.changes()).hasSize(2);
            store.responses.apply(p);
        }
        assertThat(District.verify(bundle, Progress.none()).requests()).isEqualTo(2);
        assertThat(District.verify(response, Progress.none()).kind()).isEqualTo("balasan");
        String target = System.getProperty("bundle.example.dir");
        if (target != null) {
            Path out = Files.createDirectories(Path.of(target));
            try (Stream<Path> old = Files.list(out)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".zip")).toList()) {
                    Files.delete(p);
                }
            }
            Files.copy(bundle, out.resolve(bundle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(response, out.resolve(response.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void theCommittedExamplesAreIntact() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(COMMITTED)) {
            examples = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        assertThat(examples).hasSize(2);
        assertThat(examples).extracting(p -> District.verify(p, Progress.none()).kind())
                .containsExactlyInAnyOrder("paket", "balasan");
    }

    /** A response bag as a Dinas Sosial would send it: the first request approved with a letter, the second to correct. */
    static Path responseBag(Path folder, String bundleName, String first, String second) throws IOException {
        Path f = folder.resolve("balasan_" + bundleName + ".zip");
        Map<String, Object> approve = new LinkedHashMap<>();
        approve.put("idUsulan", first);
        approve.put("keputusan", "DISETUJUI");
        approve.put("alasan", "");
        approve.put("surat", "surat/rekomendasi-" + first.substring(0, 8) + ".pdf");
        Map<String, Object> correct = new LinkedHashMap<>();
        correct.put("idUsulan", second);
        correct.put("keputusan", "PERLU_PERBAIKAN");
        correct.put("alasan", "Foto SKTM buram, mohon pindai ulang");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "berkas-desa/balasan");
        root.put("versi", 1);
        root.put("kodeDesa", BundleStore.VILLAGE.kodeDesa());
        root.put("paket", bundleName);
        root.put("dinas", "Dinas Sosial Kabupaten Bogor");
        root.put("tanggal", "2026-11-30");
        root.put("keputusan", List.of(approve, correct));
        byte[] json = new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        byte[] letter = Files.readAllBytes(id.berkasdesa.document.TestFiles.pdf(folder.resolve("surat.pdf"), 1, null));
        Files.delete(folder.resolve("surat.pdf"));
        try (OutputStream out = Files.newOutputStream(f)) {
            BagWriter bag = new BagWriter(out, "balasan_" + bundleName, 0, Progress.none());
            bag.payload("balasan.json", json);
            bag.payload((String) approve.get("surat"), letter);
            Map<String, String> info = new LinkedHashMap<>();
            info.put("Source-Organization", "Dinas Sosial Kabupaten Bogor");
            info.put("External-Description", "Balasan atas paket " + bundleName);
            info.put("Kode-Desa", BundleStore.VILLAGE.kodeDesa());
            bag.finish(info, LocalDate.of(2026, 11, 30));
        }
        return f;
    }

}
