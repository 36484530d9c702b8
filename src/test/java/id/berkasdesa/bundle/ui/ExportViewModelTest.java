package id.berkasdesa.bundle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.CurrentThreadTasks;
import id.berkasdesa.request.RequestStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Kirim ke Dinas Sosial" without a window: a real store with three ready requests, the dialog's view
 * model and the synchronous worker, so each step's answer is there when the test looks.
 */
class ExportViewModelTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    @TempDir
    Path stick;
    BundleStore store;
    final CurrentThreadTasks tasks = new CurrentThreadTasks();
    final Messages messages = Messages.indonesian();
    final AtomicInteger sent = new AtomicInteger();
    ExportViewModel vm;

    @BeforeEach
    void open() {
        store = new BundleStore(dir, scratch, 3, Clock.systemDefaultZone());
        vm = new ExportViewModel(store.services().bundles(), messages, tasks, sent::incrementAndGet);
        vm.load(store.services().bundles().choice());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long zips() throws IOException {
        try (Stream<Path> s = Files.list(stick)) {
            return s.filter(p -> p.toString().endsWith(".zip")).count();
        }
    }

    private boolean allStillReady() {
        return store.ready.stream().allMatch(id ->
                store.services().requests().open(id).orElseThrow().request().status() == RequestStatus.SIAP_KIRIM);
    }

    @Test
    void everyReadyRequestIsTickedAndTheCountFollowsEachTick() {
        assertThat(vm.rows()).hasSize(3).allMatch(r -> r.send.get());
        assertThat(vm.count().get()).isEqualTo(messages.get("bundle.export.count", 3, 0));
        vm.toggle(vm.rows().get(0));
        assertThat(vm.count().get()).isEqualTo(messages.get("bundle.export.count", 2, 0));
        vm.selectNone();
        assertThat(vm.chosen()).isEmpty();
        vm.selectReady();
        assertThat(vm.chosen()).hasSize(3);
        assertThat(vm.warning().get()).isEmpty(); // none is past its limit
    }

    @Test
    void nothingChosenOrNoFolderIsRefusedWithAMessageAndNothingWritten() throws IOException {
        vm.selectNone();
        vm.folder(stick);
        vm.start();
        tasks.drain();
        assertThat(vm.message().get()).isEqualTo(messages.get("bundle.error.nothing"));

        vm.selectReady();
        vm.folder(null);
        vm.start();
        tasks.drain();
        assertThat(vm.message().get()).isEqualTo(messages.get("bundle.export.noFolder"));
        assertThat(zips()).isZero();
        assertThat(allStillReady()).isTrue();
        assertThat(sent).hasValue(0);
    }

    @Test
    void withoutADistrictKeyNothingIsWrittenUntilThePlainBundleIsChosenKnowingly() throws IOException {
        assertThat(vm.keyless().get()).isTrue();
        assertThat(vm.protection().get()).isEqualTo(messages.get("bundle.export.plainWarning"));
        vm.folder(stick);
        vm.start();
        tasks.drain();
        assertThat(vm.message().get()).isEqualTo(messages.get("bundle.export.plainNotAccepted"));
        assertThat(zips()).isZero();
        assertThat(allStillReady()).isTrue();
        // with the Dinas Sosial's key the bundle is encrypted to it, and the dialog says to whom
        var district = id.berkasdesa.keys.KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor");
        store.services().districtKeys().importKey(district.publicKeys(), false);
        vm.load(store.services().bundles().choice());
        assertThat(vm.keyless().get()).isFalse();
        assertThat(vm.protection().get()).contains("Dinas Sosial Kabupaten Bogor", district.publicKeys().fingerprint());
        vm.start();
        tasks.drain();
        assertThat(zips()).isEqualTo(1);
        try (Stream<Path> s = Files.list(stick)) {
            assertThat(id.berkasdesa.exchange.SealedBundle.isSealed(s.findFirst().orElseThrow())).isTrue();
        }
    }

    @Test
    void theBundleIsWrittenToTheStickAndTheChoiceIsReadAgainWithTheSentOnesAsResends() throws IOException {
        vm.folder(stick);
        vm.plainAccepted.set(true);
        vm.start();
        assertThat(vm.busy().get()).isTrue();
        vm.start(); // a second press while it runs does nothing
        tasks.drain();
        assertThat(vm.busy().get()).isFalse();
        assertThat(vm.done().get()).isTrue();
        assertThat(vm.message().get()).contains(stick.toString());
        assertThat(zips()).isEqualTo(1);
        assertThat(sent).hasValue(1);
        // the sent requests are offered again, unticked, to resend if the stick is lost
        assertThat(vm.rows()).hasSize(3).allMatch(r -> r.request.status() == RequestStatus.TERKIRIM && !r.send.get());
        vm.toggle(vm.rows().get(1));
        assertThat(vm.count().get()).isEqualTo(messages.get("bundle.export.count", 1, 1));
    }

    @Test
    void batalStopsTheWorkLeavingNoFileAndNoRequestChanged() throws IOException {
        assertThat(vm.cancel()).isFalse(); // nothing runs yet: Tutup closes
        vm.folder(stick);
        vm.plainAccepted.set(true);
        vm.start();
        assertThat(vm.cancel()).isTrue();
        assertThat(vm.message().get()).isEqualTo(messages.get("bundle.export.cancelling"));
        tasks.drain();
        assertThat(vm.busy().get()).isFalse();
        assertThat(vm.done().get()).isFalse();
        assertThat(vm.message().get()).isEqualTo(messages.get("bundle.cancelled"));
        assertThat(zips()).isZero();
        assertThat(sent).hasValue(0);
        assertThat(allStillReady()).isTrue();
    }
}
