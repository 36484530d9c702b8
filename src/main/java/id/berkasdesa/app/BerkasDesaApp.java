package id.berkasdesa.app;

import atlantafx.base.theme.PrimerLight;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.TaskRunner;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.db.WindowLock;
import id.berkasdesa.wiring.Wiring;
import id.berkasdesa.wilayah.Wilayah;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.util.Duration;

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
    private volatile AppContext ctx;

    /** Starts the window and returns when it is closed. */
    /** Why the window cannot open at all (an office's server that cannot be used), shown instead of it; null when none. */
    private static String problem;

    /** Shows {@code text} in a message of its own and closes: the window has nothing to open. */
    static void cannotStart(String text, Messages messages) {
        problem = text;
        start(null, false, false, messages);
    }

    /** The office server's login, asked in a small window of its own before the app's (see {@link ServerSignInView}). */
    private static id.berkasdesa.cli.ServerSignIn serverFirst;

    /** Before {@link #start}: the window first asks for the office server's login, then opens as always. */
    static void askServerFirst(id.berkasdesa.cli.ServerSignIn ask) {
        serverFirst = ask;
    }

    static void start(Path dir, boolean exitWhenShown, boolean exitWhenDashboard, Messages messages) {
        dataDir = dir;
        exitAfterShown = exitWhenShown;
        exitAfterDashboard = exitWhenDashboard;
        launchMessages = messages;
        Application.launch(BerkasDesaApp.class);
    }

    /** The app as {@link #start(Path, boolean, boolean, Messages)} starts it on {@code dir}, for a test's own stage. */
    static BerkasDesaApp on(Path dir) {
        dataDir = dir;
        exitAfterShown = false;
        exitAfterDashboard = false;
        launchMessages = Messages.indonesian();
        problem = null;
        serverFirst = null;
        return new BerkasDesaApp();
    }

    private MainWindow window;
    private AppContext pending;
    private WindowLock windowLock;

    /**
     * What a second start on the same folder shows in its own small window: that Berkas Desa is already
     * open and was brought to the front; Enter, Esc or Tutup closes it, and so do 8 seconds.
     */
    static void alreadyOpen(Stage stage, Messages messages, Runnable close) {
        notice(stage, messages, "alreadyOpen", messages.get("app.alreadyOpen.title"), messages.get("app.alreadyOpen.text"), 460,
                close);
        PauseTransition later = new PauseTransition(Duration.seconds(8));
        later.setOnFinished(e -> close.run());
        later.play();
    }

    /**
     * Why the window cannot open at all (an office's server that cannot be used), in the window a
     * double-clicked shortcut opens, where the command line's JSON would reach nobody: the reason and
     * what to do, and Tutup (Enter or Esc). It stays until it is closed: there is something to read.
     */
    static void cannotOpen(Stage stage, Messages messages, String problem, Runnable close) {
        notice(stage, messages, "cannotOpen", messages.get("app.openFailed.title"), problem, 520, close);
        stage.setOnCloseRequest(e -> close.run());
    }

    /** A small window of its own in place of the app's: a title, a text and Tutup (Enter or Esc); ids {@code id}Title, Text, Close. */
    private static void notice(Stage stage, Messages messages, String id, String titleText, String body, double width,
            Runnable close) {
        Label title = new Label(titleText);
        title.setId(id + "Title");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label text = new Label(body);
        text.setId(id + "Text");
        text.setWrapText(true);
        Button ok = new Button(messages.get("app.alreadyOpen.close"));
        ok.setId(id + "Close");
        ok.setDefaultButton(true);
        ok.setCancelButton(true);
        ok.setOnAction(e -> close.run());
        VBox box = new VBox(12, title, text, ok);
        box.setPadding(new Insets(20));
        box.setPrefWidth(width);
        stage.setTitle(messages.get("app.title"));
        stage.setScene(new Scene(box));
        stage.show();
        ok.requestFocus();
    }

    /**
     * The first frame goes up before anything else is built: the window, its title and "Membuka
     * data…", in JavaFX's own style, as fast as a bare window. The store starts opening on the worker
     * right after it shows (earlier, it competes with the first frame for the CPU: measured +0.6 s on two
     * cores); the themed window (menus, header, pages) is built on the next pulse, while the store is
     * still opening, and takes over the same window.
     */
    @Override
    public void start(Stage stage) {
        Messages messages = launchMessages;
        if (problem != null) {
            cannotOpen(stage, messages, problem, Platform::exit);
            return;
        }
        if (serverFirst != null) {
            id.berkasdesa.cli.ServerSignIn ask = serverFirst;
            serverFirst = null;
            // connected, the server is this process's store: the app's window takes the same stage
            ServerSignInView.show(stage, ask, messages, runner, () -> start(stage), Platform::exit);
            return;
        }
        Optional<WindowLock> mine = WindowLock.claim(dataDir);
        if (mine.isEmpty()) {
            // a second start on the same folder: the first window comes to the front, this one says so and closes
            WindowLock.askToFront(dataDir);
            alreadyOpen(stage, messages, Platform::exit);
            return;
        }
        windowLock = mine.get();
        newFolder = Wiring.isNew(dataDir); // two file lookups: a new folder's setup comes before the store
        windowLock.onAskedToFront(() -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        }));
        DialogService dialogs = new DialogService(messages);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Label opening = new Label(messages.get("app.opening"));
        opening.setStyle("-fx-font-size: 16px;");
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(260);
        VBox first = new VBox(10, opening, bar);
        first.setAlignment(Pos.CENTER);
        Scene scene = new Scene(first, Math.min(1366, screen.getWidth()), Math.min(740, screen.getHeight()));
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(1000);
        stage.setMinHeight(600);
        stage.setScene(scene);
        if (screen.getWidth() <= 1440) {
            stage.setMaximized(true);
        }
        boolean again = stage.isShowing(); // after the server's login: the same stage goes on
        stage.setOnShown(e -> shown());
        stage.setOnCloseRequest(null);
        stage.show();
        if (again) {
            // the small window's place and size are not the app's: the screen's whole work area, as
            // maximised (a window manager may not maximise a window already shown), or the scene's size
            if (screen.getWidth() <= 1440) {
                stage.setX(screen.getMinX());
                stage.setY(screen.getMinY());
                stage.setWidth(screen.getWidth());
                stage.setHeight(screen.getHeight());
            } else {
                stage.sizeToScene();
                stage.centerOnScreen();
            }
            shown();
        }
        if (exitAfterShown) {
            return;
        }
        openStore(messages, dialogs);
        // the window is built once "Membuka data…" is on screen: built at once, it kept the FX thread
        // from drawing anything, and the operator looked at a blank white window for seconds
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) { // the first frame has been drawn
                    stop();
                    buildWindow(stage, scene, messages, dialogs);
                }
            }
        }.start();
    }

    /** The themed window, in the frame already on screen; then the home screen's view, warmed up. */
    private void buildWindow(Stage stage, Scene scene, Messages messages, DialogService dialogs) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(BerkasDesaApp.class.getResource("app.css").toExternalForm());
        id.berkasdesa.common.Trace.mark("window-building");
        window = new MainWindow(messages, runner, dialogs);
        window.storeControl(new StoreControl(dataDir, () -> ctx, c -> ctx = c, this::showLocked));
        window.session.onSetupShown(setupOnScreen::countDown);
        scene.setRoot(window.view());
        dialogs.setOwner(stage);
        id.berkasdesa.common.Trace.mark("window-built");
        if (exitAfterDashboard) {
            window.onDashboardShown(this::dashboardShown);
        }
        if (pendingSetup != null && pending == null) {
            window.session.showSetupEarly(pendingSetup);
        }
        if (pending != null) {
            window.opened(pending, dataDir);
        } else if (firstLocked != null) {
            // the worker has read whose store it is: the sign-in goes in the window's first layout, not
            // after it (the whole window's first styling pass, some 200 ms, came between)
            showLocked();
        }
        // the icons and the home screen's warm-up after this frame: the FX thread would otherwise wait idle
        Platform.runLater(() -> {
            for (int size : new int[] {16, 32, 64, 256}) {
                stage.getIcons().add(new Image(BerkasDesaApp.class.getResource("icon-" + size + ".png").toExternalForm()));
            }
            if (pending == null && !newFolder) {
                window.warmUp(); // a new folder shows its setup first: the home screen is minutes away
            }
        });
    }

    private void openStore(Messages messages, DialogService dialogs) {
        runner.run(messages.get("app.opening"), p -> {
            id.berkasdesa.common.Trace.mark("store-check");
            if (Wiring.needsPassword(dataDir)) {
                // encrypted: the store opens with the password typed at the sign-in. Whose it is comes
                // from its key file, read here beside the window's building (a first JSON read, some
                // 200 ms, that held the sign-in form back on the FX thread)
                firstLocked = Wiring.lockedStore(dataDir);
                return null;
            }
            id.berkasdesa.common.Trace.mark("store-opening");
            if (newFolder) {
                // a first start: the setup form now, while the key and the store are made behind it
                Wilayah wilayah = Wilayah.load();
                id.berkasdesa.common.Trace.mark("setup-areas");
                Platform.runLater(() -> setupEarly(wilayah));
                // the key and the store are made once the form is on screen: made at once, they took the
                // two cores from the form's first styling pass (its skins), and nothing waits on them
                // before the first Simpan, many seconds of typing later
                setupOnScreen.await(3, java.util.concurrent.TimeUnit.SECONDS);
            }
            // on a new folder, the area codes are the setup's reading (read once per process)
            AppContext c = AppContext.open(dataDir, Clock.systemDefaultZone());
            id.berkasdesa.common.Trace.mark("store-open");
            log().info("first window shown {} ms after JVM start", shownAt - ManagementFactory.getRuntimeMXBean().getStartTime());
            return c;
        }, c -> {
            if (c == null) {
                if (window != null && firstLocked != null) {
                    showLocked(); // not yet shown by the window's building, which takes it otherwise
                }
                return;
            }
            ctx = c;
            storeOpenAt = System.currentTimeMillis();
            if (window != null) {
                window.opened(c, dataDir);
            } else {
                pending = c; // the window is built on the next pulse and takes it from there
            }
        }, e -> {
            log().error("store could not be opened", e);
            String text = e instanceof MessageException me ? me.message(messages)
                    : messages.get("store.error.open");
            if (window != null) {
                window.failed(text);
            }
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
    private boolean newFolder;
    /** Counted down once a new folder's setup form has been laid out on screen. */
    private final java.util.concurrent.CountDownLatch setupOnScreen = new java.util.concurrent.CountDownLatch(1);
    /** A new folder's area codes, when its setup is to be shown as soon as the window is built. */
    private Wilayah pendingSetup;

    private void setupEarly(Wilayah wilayah) {
        id.berkasdesa.common.Trace.mark("setup-early");
        if (ctx != null) {
            return; // the store was quicker: it shows its own setup
        }
        if (window != null) {
            window.session.showSetupEarly(wilayah);
        } else {
            pendingSetup = wilayah;
        }
    }
    /**
     * Whose the locked store is, read on the worker at the start; taken (and cleared) by the first
     * sign-in shown, whichever comes last of the window's building and the worker's answer.
     */
    private volatile id.berkasdesa.keys.KeyRing.Named firstLocked;

    private void showLocked() {
        id.berkasdesa.keys.KeyRing.Named named = firstLocked;
        firstLocked = null; // a store locked again later (a restore may have swapped it) is read again
        window.lockedStore(dataDir, named != null ? named : Wiring.lockedStore(dataDir), c -> {
            ctx = c;
            storeOpenAt = System.currentTimeMillis();
        });
    }

    /** Start-up benchmark: the home screen's numbers are on screen. */
    private void dashboardShown() {
        id.berkasdesa.common.Trace.mark("dashboard-shown");
        long now = System.currentTimeMillis();
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("{\"name\": \"start_to_dashboard\", \"first_window_ms\": " + (shownAt - jvm)
                + ", \"store_open_ms\": " + (storeOpenAt - jvm) + ", \"dashboard_after_store_open_ms\": "
                + (now - storeOpenAt) + ", \"dashboard_ms\": " + (now - jvm) + "}");
        Platform.exit();
    }

    private void shown() {
        id.berkasdesa.common.Trace.mark("window-shown");
        shownAt = System.currentTimeMillis();
        long ms = shownAt - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (exitAfterShown) {
            System.out.println("{\"name\": \"first_window_ms\", \"value\": " + ms + "}");
            Platform.exit();
        } else if (!exitAfterDashboard) {
            // the launcher asked for a class archive this JVM could not map (a first start, an upgrade):
            // made in the background once the sign-in is done with, for the next start
            id.berkasdesa.common.ClassArchive.refreshLater(60_000);
        }
    }

    @Override
    public void stop() {
        runner.shutdown();
        if (ctx != null) {
            ctx.close();
        }
        if (windowLock != null) {
            windowLock.close();
        }
    }
}
