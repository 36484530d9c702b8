package id.berkasdesa.app;

import id.berkasdesa.bundle.BundleStore;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.TaskRunner;
import id.berkasdesa.wiring.Wiring;
import id.berkasdesa.village.VillageProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a real store in a temp folder, as the app wires it, for TestFX tests. */
final class AppFixture {

    final Messages messages = Messages.indonesian();
    final TaskRunner runner = new TaskRunner();
    final DialogService dialogs = new DialogService(messages);
    volatile AppContext ctx;

    /** The Administrator the fixture creates on a set-up village, and signs in as. */
    static final String ADMIN = "Ani";
    static final String PASSWORD = "kata sandi uji coba";

    /**
     * The window on {@code dataDir}. On a set-up real village the fixture signs in as {@link #ADMIN}
     * first (creating the Administrator if the store has none), as the sign-in screen would; the
     * sign-in screen itself is driven by {@link #startSignedOut}.
     */
    void start(Stage stage, Path dataDir) {
        ctx = Wiring.needsPassword(dataDir) ? AppContext.unlock(dataDir, Clock.systemDefaultZone(), ADMIN, PASSWORD.toCharArray())
                : AppContext.open(dataDir, Clock.systemDefaultZone());
        if (ctx.profile().isPresent() && !ctx.profile().get().sample()) {
            if (ctx.accounts().anyAccount()) {
                ctx.accounts().signIn(ADMIN, PASSWORD.toCharArray());
            } else {
                ctx.accounts().createFirstAdministrator(ADMIN, PASSWORD.toCharArray());
            }
        }
        show(stage, dataDir);
    }

    /**
     * The window as a person finds it: nobody signed in. On an encrypted store with an Administrator
     * the store is not open yet: the sign-in opens it ({@link MainWindow#lockedStore}).
     */
    void startSignedOut(Stage stage, Path dataDir) {
        if (Wiring.needsPassword(dataDir)) {
            MainWindow window = window(stage, dataDir);
            window.lockedStore(dataDir, Wiring.lockedStore(dataDir), c -> ctx = c);
            return;
        }
        ctx = AppContext.open(dataDir, Clock.systemDefaultZone());
        show(stage, dataDir);
    }

    private MainWindow window(Stage stage, Path dataDir) {
        MainWindow window = new MainWindow(messages, runner, dialogs);
        window.storeControl(new StoreControl(dataDir, () -> ctx, c -> ctx = c,
                () -> window.lockedStore(dataDir, Wiring.lockedStore(dataDir), c -> ctx = c)));
        stage.setScene(BerkasDesaApp.scene(window, 1366, 740));
        dialogs.setOwner(stage);
        stage.show();
        stage.requestFocus();
        return window;
    }

    private void show(Stage stage, Path dataDir) {
        window(stage, dataDir).opened(ctx, dataDir);
    }

    /** The window on a new store in {@code dataDir} whose village is set up, so it opens on the home screen. */
    void startOnVillage(Stage stage, Path dataDir) {
        try (Wiring store = Wiring.open(dataDir, Clock.systemDefaultZone())) {
            setUpVillage(store);
        }
        start(stage, dataDir);
    }

    /** A real village set up as the first run would, so the app opens on the register. */
    static void setUpVillage(Wiring store) {
        store.villages().save(
                new VillageProfile("32.01.01.1001", "PONDOK RAJEG", "Kantor Kelurahan Pondok Rajeg", "Ani", false));
        store.actAsVillageOperator();
    }

    void stop() {
        runner.shutdown();
        // what the finished work still posts (a dialog, a refresh) runs now, on this test's window ...
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // ... and no dialog of this test stays open to take the keyboard from the next one's window
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> !(w instanceof Stage s && s.getOwner() == null && s.getModality() == javafx.stage.Modality.NONE))
                .forEach(javafx.stage.Window::hide));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        if (ctx != null) {
            ctx.close();
        }
    }

    /** From the home screen (where the app opens) to the register's list, as the operator would: Ctrl+2. */
    static void openRegister(FxRobot r) {
        waitUntil(() -> r.lookup("#statusTiles").tryQuery().isPresent());
        r.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#searchField").tryQuery().isPresent() && r.lookup("#dusunBox").tryQuery().isPresent());
    }

    /** A village's setup: {@code name} typed in the search, its first match taken (Down, Enter), the boxes filled from it. */
    static void pickVillage(FxRobot r, String name) {
        r.clickOn("#searchField").write(name);
        waitUntil(() -> !r.lookup("#results").queryListView().getItems().isEmpty());
        r.type(KeyCode.DOWN).type(KeyCode.ENTER);
        javafx.scene.control.ComboBox<?> desa = r.lookup("#desaBox").queryAs(javafx.scene.control.ComboBox.class);
        waitUntil(() -> desa.getValue() != null);
    }

    /**
     * A new folder's setup made a Dinas Sosial's from the keyboard: Alt+D, {@code kabupaten} typed and its
     * only match taken with Enter, the office's name offered kept, the first Administrator's name typed.
     */
    static void setUpDistrict(FxRobot r, String kabupaten, String admin) {
        r.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
        waitUntil(() -> r.lookup("#officeField").tryQuery().isPresent());
        r.clickOn("#searchField").write(kabupaten);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<Object> results = r.lookup("#results").queryAs(javafx.scene.control.ListView.class);
        waitUntil(() -> results.getItems().size() == 1);
        r.type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#officeField").queryAs(javafx.scene.control.TextField.class).isFocused());
        r.type(KeyCode.ENTER).write(admin).type(KeyCode.ENTER);
    }

    /** The dialog showing a text that contains {@code text} (dialogs put their text in a Label as content). */
    static java.util.Optional<javafx.scene.control.DialogPane> dialogSaying(FxRobot r, String text) {
        return r.listWindows().stream().map(w -> w.getScene().getRoot())
                .filter(root -> root instanceof javafx.scene.control.DialogPane p
                        && p.getContent() instanceof javafx.scene.control.Label l && l.getText().contains(text))
                .map(javafx.scene.control.DialogPane.class::cast).findFirst();
    }

    /** From the home screen to a KK's form by its number, as the operator would: Ctrl+2, the number, ↓, Enter. */
    static void openKk(FxRobot r, String noKk) {
        openRegister(r);
        r.write(noKk);
        waitUntil(() -> r.lookup("#table").queryTableView().getItems().size() == 1);
        r.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#memberTable").tryQuery().isPresent()
                && r.lookup("#memberTable").queryTableView().getSelectionModel().getSelectedItem() != null);
    }

    /**
     * The Dinas Sosial's answer as an officer saves it from the bundle's own spreadsheet: sheet
     * "Usulan", columns ID Usulan, Kode Desa, Keputusan, Alasan; one row per answer.
     */
    static void writeResponse(Path file, List<List<String>> answers) {
        BundleStore.writeResponse(file, List.of("ID Usulan", "Kode Desa", "Keputusan", "Alasan"), answers);
    }

    /** From a list on screen, the row at {@code index} opened as the operator would: selected, Enter. */
    static void openRow(FxRobot r, TableView<?> table, int index) {
        r.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(index);
        });
        r.type(KeyCode.ENTER);
    }

    static void waitUntil(BooleanSupplier condition) {
        waitUntil(20, condition);
    }

    /** The same for work that takes long on its own (the sample Dinas Sosial: three villages' stores made). */
    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            // a node found by one lookup can be gone at the next (a screen refreshing): not yet, try again.
            // 20 s, not a speed check: the everyday set runs two JVMs side by side on two cores
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.getAsBoolean();
                } catch (org.testfx.service.query.EmptyNodeQueryException e) {
                    return false;
                } catch (IndexOutOfBoundsException | java.util.ConcurrentModificationException | java.util.NoSuchElementException e) {
                    // the lookup walks the scene from this thread while the FX thread changes it: look again
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The titles of the menus the window's menu bar shows, in order. */
    static java.util.List<String> visibleMenus(org.testfx.api.FxRobot r) {
        return r.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .filter(javafx.scene.control.Menu::isVisible).map(m -> m.getText().replace("_", "")).toList();
    }
}
