package id.berkasdesa.app;

import atlantafx.base.theme.PrimerLight;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.TaskRunner;
import id.berkasdesa.db.StoreException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The window shows at once; the store opens behind it (a worker thread),
 * and the setup or the register appears when it is ready.
 */
public final class BerkasDesaApp extends Application {

    /** Not a static field: initialising Logback before the window is shown costs start-up time. */
    private static Logger log() {
        return LoggerFactory.getLogger(BerkasDesaApp.class);
    }
    private static Path dataDir;
    private static boolean exitAfterShown;
    private static boolean exitAfterDashboard;
    private long shownAt;
    private static Messages launchMessages = Messages.indonesian();

    private final TaskRunner runner = new TaskRunner();
    private AppContext ctx;

    /** Starts the window and returns when it is closed. */
    static void start(Path dir, boolean exitWhenShown, boolean exitWhenDashboard, Messages messages) {
        dataDir = dir;
        exitAfterShown = exitWhenShown;
        exitAfterDashboard = exitWhenDashboard;
        launchMessages = messages;
        Application.launch(BerkasDesaApp.class);
    }

    @Override
    public void start(Stage stage) {
        Messages messages = launchMessages;
        DialogService dialogs = new DialogService(messages);
        MainWindow window = new MainWindow(messages, runner, dialogs);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = scene(window, Math.min(1366, screen.getWidth()), Math.min(740, screen.getHeight()));
        stage.setTitle(messages.get("app.title"));
        for (int size : new int[] {16, 32, 64, 256}) {
            stage.getIcons().add(new Image(BerkasDesaApp.class.getResource("icon-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(1000);
        stage.setMinHeight(600);
        stage.setScene(scene);
        if (screen.getWidth() <= 1440) {
            stage.setMaximized(true);
        }
        dialogs.setOwner(stage);
        stage.setOnShown(e -> shown());
        stage.show();
        if (exitAfterShown) {
            return;
        }
        if (exitAfterDashboard) {
            window.onDashboardShown(this::dashboardShown);
        }
        // after the first frame: the FX thread would otherwise wait idle for the store
        Platform.runLater(window::warmUp);
        runner.run(messages.get("app.opening"), p -> AppContext.open(dataDir, Clock.systemDefaultZone()), c -> {
            ctx = c;
            storeOpenAt = System.currentTimeMillis();
            window.opened(c, dataDir);
        }, e -> {
            log().error("store could not be opened", e);
            String text = e instanceof StoreException se ? messages.get(se.key(), se.args())
                    : messages.get("store.error.open");
            window.failed(text);
            dialogs.error(messages.get("app.openFailed.title"), text);
            Platform.exit();
        });
    }

    /** The window's scene with the app's theme: AtlantaFX Primer Light and app.css. */
    static Scene scene(MainWindow window, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(window.view(), width, height);
        scene.getStylesheets().add(BerkasDesaApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    private long storeOpenAt;

    /** Start-up benchmark: the home screen's numbers are on screen. */
    private void dashboardShown() {
        long now = System.currentTimeMillis();
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("{\"name\": \"start_to_dashboard\", \"first_window_ms\": " + (shownAt - jvm)
                + ", \"store_open_ms\": " + (storeOpenAt - jvm) + ", \"dashboard_after_store_open_ms\": "
                + (now - storeOpenAt) + ", \"dashboard_ms\": " + (now - jvm) + "}");
        Platform.exit();
    }

    private void shown() {
        shownAt = System.currentTimeMillis();
        long ms = shownAt - ManagementFactory.getRuntimeMXBean().getStartTime();
        log().info("first window shown {} ms after JVM start", ms);
        if (exitAfterShown) {
            System.out.println("{\"name\": \"first_window_ms\", \"value\": " + ms + "}");
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        runner.shutdown();
        if (ctx != null) {
            ctx.close();
        }
    }
}
