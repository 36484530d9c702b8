package id.berkasdesa.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.dinas.Check;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample Dinas Sosial, made on a real store: three invented villages' bundles received and checked. */
class SampleDistrictTest {

    @TempDir
    Path dir;

    @Test
    void threeInventedVillagesSendTheirReadyRequestsToTheExampleOffice() throws Exception {
        Path work = java.nio.file.Files.createDirectories(dir.resolve("kerja"));
        try (Wiring w = Wiring.open(dir.resolve("dinas"), Clock.systemDefaultZone())) {
            int received = SampleDistrict.fill(w, Clock.systemDefaultZone(), work, x -> { });
            assertThat(received).isEqualTo(SampleDistrict.VILLAGES.length * SampleDistrict.REQUESTS);
            assertThat(w.dinas().office().orElseThrow().officeName()).contains("CONTOH");
            var requests = w.dinas().requests(null, null, null);
            assertThat(requests).hasSize(received);
            // invented villages, each new to the office: its key to confirm, as any first bundle's
            assertThat(requests).allSatisfy(r -> assertThat(r.checks()).contains(Check.KUNCI_BARU));
            assertThat(w.dinas().scans(requests.get(0).id())).isNotEmpty().allSatisfy(s -> assertThat(s.kept()).isTrue());
        }
        assertThat(work).doesNotExist(); // the villages' stores and their stick are gone
    }
}
