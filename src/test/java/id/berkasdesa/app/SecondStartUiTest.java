package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Messages;
import id.berkasdesa.db.WindowLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A second start on a folder whose window is open (a double click again during a slow first start):
 * the first window is asked to the front, the second says "Berkas Desa sudah terbuka" and closes; a
 * command run meanwhile says the same in command-line words. Never the store's frightening error.
 */
@ExtendWith(ApplicationExtension.class)
class SecondStartUiTest {

    @TempDir
    Path dir;
    private WindowLock first;
    private final AtomicInteger broughtToFront = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        first = WindowLock.claim(dir).orElseThrow(); // the first window's
        first.onAskedToFront(broughtToFront::incrementAndGet);
        // what the second start does
        Optional<WindowLock> second = WindowLock.claim(dir);
        assertThat(second).isEmpty();
        WindowLock.askToFront(dir);
        BerkasDesaApp.alreadyOpen(stage, Messages.indonesian(), () -> closed.set(true));
    }

    @AfterEach
    void stop() {
        first.close();
    }

    @Test
    void theSecondStartSaysSoBringsTheFirstToTheFrontAndCloses(FxRobot r) {
        waitUntil(() -> r.lookup("#alreadyOpenTitle").tryQuery().isPresent());
        assertThat(r.lookup("#alreadyOpenTitle").queryAs(Label.class).getText()).isEqualTo("Berkas Desa sudah terbuka");
        assertThat(r.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(t -> assertThat(t).contains("dibawa ke depan"))
                .noneSatisfy(t -> assertThat(t).contains("Hubungi petugas TI"));
        Screenshots.take(r, r.lookup("#alreadyOpenTitle").query().getScene(), "sudah-terbuka");
        waitUntil(() -> broughtToFront.get() > 0);
        r.type(KeyCode.ENTER);
        waitUntil(closed::get);

        // a command while the window is open, in a fresh JVM as a person's shell runs it
        var run = id.berkasdesa.cli.CliChild.run(Map.of(), "--data-dir", dir.toString(), "check");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("cli.windowOpen", "sudah terbuka di jendela");
        first.close();
        assertThat(WindowLock.windowOpen(dir)).isFalse();
    }
}
