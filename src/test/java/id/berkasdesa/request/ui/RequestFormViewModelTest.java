package id.berkasdesa.request.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.common.ui.CurrentThreadTasks;
import id.berkasdesa.common.DateText;
import id.berkasdesa.household.Household;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RuleCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request form without a window: a real store, the form's view model, and the synchronous
 * double of the background worker, so each step's answer is there when the test looks.
 */
class RequestFormViewModelTest {

    @TempDir
    Path dir;
    @TempDir
    Path scratch;
    BundleStore store;
    Household family;
    final CurrentThreadTasks tasks = new CurrentThreadTasks();
    RequestFormViewModel vm;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void open() {
        store = new BundleStore(dir, scratch, 0, Clock.systemDefaultZone());
        family = store.documentedFamily(5, scratch, null);
        vm = new RequestFormViewModel(store.services().requests(), tasks);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<RuleCheck.Outcome> outcomes() {
        return vm.evaluation().get().checks().stream().map(RuleCheck::outcome).toList();
    }

    @Test
    void theChecklistFollowsWhatIsTypedAndSavingStoresTheRequestAsTheRulesSay() {
        vm.startNew(family.id(), family.members().get(0).id());
        tasks.drain();
        assertThat(vm.evaluation().get().ready()).isFalse();
        assertThat(outcomes()).contains(RuleCheck.Outcome.BLOCK);

        vm.deletionDate.set(DateText.format(today.minusMonths(2)));
        vm.reason.set("Kartu nonaktif saat berobat");
        vm.checkDate.set(DateText.format(today.minusDays(1)));
        vm.channel.set(CheckChannel.MOBILE_JKN);
        assertThat(vm.dirty().get()).isTrue();
        tasks.drain(); // one evaluation, after the last keystroke
        assertThat(vm.evaluation().get().ready()).isTrue();

        List<RequestService.Opened> saved = new ArrayList<>();
        assertThat(vm.save("", saved::add, e -> { throw new AssertionError(e); })).isTrue();
        tasks.drain();
        assertThat(saved).singleElement().satisfies(o -> assertThat(o.request().status()).isEqualTo(RequestStatus.SIAP_KIRIM));
        assertThat(vm.dirty().get()).isFalse();
        assertThat(vm.request().status()).isEqualTo(RequestStatus.SIAP_KIRIM);
        assertThat(store.services().requests().count()).isEqualTo(1);
    }

    @Test
    void aDateThatCannotBeReadIsShownAtItsFieldAndNothingIsSaved() {
        vm.startNew(family.id(), family.members().get(0).id());
        vm.deletionDate.set("31-02-2026");
        tasks.drain();
        assertThat(vm.problems().get()).containsEntry("deletionDate", "request.field.date");

        assertThat(vm.save("", o -> { throw new AssertionError("saved"); }, e -> { throw new AssertionError(e); })).isFalse();
        tasks.drain();
        assertThat(store.services().requests().count()).isZero();
        assertThat(vm.request()).isNull();
    }
}
