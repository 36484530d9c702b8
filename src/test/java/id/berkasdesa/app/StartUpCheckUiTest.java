package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.Households;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.RequestForm;
import id.berkasdesa.request.Route;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start-up's check of the rules (every request still being prepared) does not keep the operator
 * waiting: Ctrl+3 while it runs shows the Usulan list before the check ends. The worker is held for a
 * moment by the test, so that the order in which the work queues up is the same on any machine.
 */
@ExtendWith(ApplicationExtension.class)
class StartUpCheckUiTest {

    private static final int FAMILIES = 50;

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();
    private final CountDownLatch held = new CountDownLatch(1);

    @Start
    void start(Stage stage) throws java.io.IOException {
        Path store = Files.createDirectories(dir.resolve("desa"));
        try (Wiring w = Wiring.open(store, Clock.systemDefaultZone())) {
            AppFixture.setUpVillage(w);
            w.accounts().createFirstAdministrator(AppFixture.ADMIN, AppFixture.PASSWORD.toCharArray());
            LocalDate today = w.requests().today();
            RequestForm form = new RequestForm(today.minusDays(1), CheckChannel.MOBILE_JKN, "0001234567890",
                    today.minusMonths(1), Route.DESA, "Kartu nonaktif saat berobat", null, true, true);
            for (int i = 1; i <= FAMILIES; i++) {
                Household f = Households.family(i);
                Household family = new Household(f.id(), f.noKk(), f.alamat(), i % 2 == 0 ? "004" : "001", f.rw(),
                        f.dusun(), f.kodePos(), false, f.members());
                w.households().save(family, true);
                // no scans attached: each is a draft, which the start-up checks again
                family.members().forEach(m -> w.requests().create(family.id(), m.id(), form));
            }
        }
        app.startSignedOut(stage, store);
    }

    @AfterEach
    void stop() {
        held.countDown();
        app.stop();
    }

    @Test
    void ctrl3WhileTheStartUpCheckRunsShowsTheRequestsBeforeItEnds(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(n -> n.isFocused()).orElse(false));
        r.write(AppFixture.ADMIN).type(KeyCode.TAB).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        String checking = app.messages.get("request.reevaluate.running");
        // the worker waits here until the check and the list's own work are all queued behind it
        WaitForAsyncUtils.asyncFx(() -> app.runner.run("", p -> held.await(30, TimeUnit.SECONDS), x -> { }, x -> { }))
                .get();
        waitUntil(() -> checking.equals(app.runner.status().get()));

        r.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#searchField").tryQuery().map(n -> n.isFocused()).orElse(false));
        @SuppressWarnings("unchecked")
        TableView<Object> table = r.lookup("#table").queryAs(TableView.class);
        AtomicReference<String> statusWhenShown = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> table.getItems().addListener((ListChangeListener<Object>) c -> {
            if (!table.getItems().isEmpty()) {
                statusWhenShown.compareAndSet(null, app.runner.status().get());
            }
        })).get();
        // while the answer is on its way the list says so, not "none"
        javafx.scene.control.Label placeholder = r.lookup("#placeholder").queryAs(javafx.scene.control.Label.class);
        assertThat(placeholder.getText()).isEqualTo(app.messages.get("request.list.loading"));
        held.countDown();

        waitUntil(() -> statusWhenShown.get() != null);
        assertThat(statusWhenShown.get()).as("the list's rows came while the check was still running").isEqualTo(checking);
        waitUntil(() -> app.runner.status().get().isEmpty());
        assertThat(table.getItems()).hasSize(FAMILIES * 3);
        // the RT and RW choices come after the rows
        waitUntil(() -> r.lookup("#rtBox").queryComboBox().getItems().contains("001")
                && r.lookup("#rwBox").queryComboBox().getItems().contains("002"));
        assertThat(r.lookup("#searchField").query().isFocused()).isTrue();
        r.write("tidak ada nama seperti ini");
        waitUntil(() -> table.getItems().isEmpty());
        assertThat(placeholder.getText()).isEqualTo(app.messages.get("request.list.empty"));

        // RT 004 chosen, then the list shown afresh (Ctrl+3): every RT again, in the box and in the rows
        r.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.asyncFx(() -> r.lookup("#rtBox").queryComboBox().getSelectionModel().select("004")).get();
        waitUntil(() -> table.getItems().size() == FAMILIES / 2 * 3);
        r.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        r.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> app.messages.get("household.list.all").equals(r.lookup("#rtBox").queryComboBox().getValue()));
        waitUntil(() -> table.getItems().size() == FAMILIES * 3);
    }
}
