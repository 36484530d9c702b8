package id.berkasdesa.bundle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.CurrentThreadTasks;
import id.berkasdesa.request.RequestStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Baca balasan Dinas Sosial" without a window: a real store, three requests sent, a real xlsx answer. */
class ResponseViewModelTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    @TempDir
    Path stick;
    BundleStore store;
    final CurrentThreadTasks tasks = new CurrentThreadTasks();
    final Messages messages = Messages.indonesian();
    ResponseViewModel vm;

    @BeforeEach
    void sendThree() {
        store = new BundleStore(dir, scratch, 3, Clock.systemDefaultZone());
        store.services().bundles().export(store.ready, stick, Progress.none());
        vm = new ResponseViewModel(store.services().responses(), messages, tasks);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RequestStatus status(UUID id) {
        return store.services().requests().open(id).orElseThrow().request().status();
    }

    @Test
    void thePreviewNamesEverySkippedRowAndChangesNothingUntilApplied() {
        UUID approved = store.ready.get(0);
        UUID unclear = store.ready.get(1);
        Path answer = dir.resolve("balasan.xlsx");
        BundleStore.writeResponse(answer, List.of("ID Usulan", "Kode Desa", "Nama", "NIK", "Keputusan", "Alasan"), List.of(
                List.of(approved.toString(), "32.01.01.1001", "BUDI UJI 1", "", "Disetujui", ""),
                List.of(unclear.toString(), "32.01.01.1001", "SITI RAHAYU", "3201014506800002", "Mungkin", "")));

        List<ResponseService.Preview> previews = new ArrayList<>();
        vm.read(answer, previews::add, e -> { throw new AssertionError(e); });
        tasks.drain();
        ResponseService.Preview p = previews.get(0);
        // unsigned (no district key in this village yet): said, so the operator checks where it came from
        assertThat(vm.summary(p)).isEqualTo(messages.get("response.preview.summary", p.source(), 1, 1, 0, 0) + " "
                + messages.get("response.preview.unsigned"));
        assertThat(vm.skippedLines(p)).singleElement().asString()
                .contains("SITI RAHAYU, NIK 3201014506800002").contains("Mungkin").doesNotStartWith("!");
        assertThat(status(approved)).isEqualTo(RequestStatus.TERKIRIM); // a preview changes nothing

        List<ResponseService.Applied> applied = new ArrayList<>();
        vm.apply(p, applied::add, e -> { throw new AssertionError(e); });
        tasks.drain();
        assertThat(vm.appliedText(applied.get(0))).isEqualTo(messages.get("response.applied", 1, 0));
        assertThat(status(approved)).isEqualTo(RequestStatus.DISETUJUI);
        assertThat(status(unclear)).isEqualTo(RequestStatus.TERKIRIM);
    }

    @Test
    void aFileThatIsNotAnAnswerIsReportedAndTheStoreIsLeftAsItWas() throws Exception {
        Path notAnswer = dir.resolve("catatan.xlsx");
        java.nio.file.Files.writeString(notAnswer, "bukan spreadsheet");
        List<Throwable> failures = new ArrayList<>();
        vm.read(notAnswer, p -> { throw new AssertionError("read a preview from a text file"); }, failures::add);
        tasks.drain();
        assertThat(failures).singleElement().isInstanceOf(id.berkasdesa.common.MessageException.class);
        assertThat(store.ready).allMatch(id -> status(id) == RequestStatus.TERKIRIM);
    }
}
