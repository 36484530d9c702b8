package id.berkasdesa.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every view relies on instead of counters and timers of its own: the newest answer wins; typing waits. */
class BackgroundTasksTest {

    private final CurrentThreadTasks tasks = new CurrentThreadTasks();

    @Test
    void anAnswerToAnOlderSearchIsDroppedOnceANewerOneStarted() {
        List<String> shown = new ArrayList<>();
        BackgroundTasks.Latest<String> search = tasks.latest();
        search.run(p -> "rows for 'sit'", shown::add, e -> shown.add("failed"));
        search.run(p -> "rows for 'siti'", shown::add, e -> shown.add("failed"));

        tasks.drain();

        assertThat(shown).containsExactly("rows for 'siti'");
    }

    @Test
    void aFailureOfAnOlderRunIsDroppedTooAndForgetDropsWhatIsOnItsWay() {
        List<String> shown = new ArrayList<>();
        BackgroundTasks.Latest<String> preview = tasks.latest();
        preview.run(p -> {
            throw new IllegalStateException("store closed");
        }, shown::add, e -> shown.add("failed"));
        preview.run(p -> "checklist", shown::add, e -> shown.add("failed"));
        tasks.drain();
        assertThat(shown).containsExactly("checklist");

        preview.run(p -> "stale", shown::add, e -> shown.add("failed"));
        preview.forget(); // the form was loaded afresh meanwhile
        tasks.drain();
        assertThat(shown).containsExactly("checklist");
    }

    @Test
    void typingRestartsTheWaitSoTheActionRunsOnceAfterTheLastKey() {
        int[] runs = new int[1];
        BackgroundTasks.Debounced typing = tasks.debounce(120, () -> runs[0]++);
        typing.restart();
        typing.restart();
        typing.restart();
        tasks.drain();
        assertThat(runs[0]).isEqualTo(1);

        typing.restart();
        typing.stop();
        tasks.drain();
        assertThat(runs[0]).isEqualTo(1);
    }

    @Test
    void workAndItsCallbacksRunInOrderOnTheCallersThread() {
        List<String> order = new ArrayList<>();
        Thread caller = Thread.currentThread();
        tasks.run("", p -> {
            order.add("work on " + (Thread.currentThread() == caller ? "caller" : "other"));
            return 1;
        }, r -> order.add("done " + r), e -> order.add("failed"));
        tasks.run("", p -> 2, r -> order.add("done " + r), e -> order.add("failed"));
        assertThat(tasks.busy().get()).isTrue();
        tasks.drain();
        assertThat(order).containsExactly("work on caller", "done 1", "done 2");
        assertThat(tasks.busy().get()).isFalse();
    }
}
