package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.cli.BerkasDesaCommand;
import id.berkasdesa.common.Messages;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An officer double-clicks the shortcut while the office's server is down: the window says why it
 * cannot open and what to do, in Bahasa Indonesia, and Enter closes it. The reason comes from the same
 * start-up path a shortcut with {@code --database} runs (no window of the store is ever built).
 */
@ExtendWith(ApplicationExtension.class)
class ServerProblemUiTest {

    private final AtomicBoolean closed = new AtomicBoolean();

    @Start
    void start(Stage stage) {
        AtomicReference<String> problem = new AtomicReference<>();
        int exit = BerkasDesaCommand.commandLine(cmd -> problem.set(cmd.problem().orElse(null)),
                Map.of("BERKAS_DESA_DB_USER", "petugas", "BERKAS_DESA_DB_PASSWORD", "sandi kantor"),
                "--database", "postgresql://127.0.0.1:1/kantor").execute("--database", "postgresql://127.0.0.1:1/kantor");
        assertThat(exit).isEqualTo(2);
        assertThat(problem.get()).isNotNull();
        BerkasDesaApp.cannotOpen(stage, Messages.indonesian(), problem.get(), () -> closed.set(true));
    }

    @Test
    void theWindowSaysTheServerCannotBeUsedAndEnterClosesIt(FxRobot r) {
        waitUntil(() -> r.lookup("#cannotOpenTitle").tryQuery().isPresent());
        assertThat(r.lookup("#cannotOpenTitle").queryAs(Label.class).getText()).isEqualTo("Data tidak bisa dibuka");
        assertThat(r.lookup("#cannotOpenText").queryAs(Label.class).getText())
                .contains("127.0.0.1:1", "tidak bisa dipakai", "petugas TI").doesNotContain("Exception", "{");
        Screenshots.take(r, r.lookup("#cannotOpenTitle").query().getScene(), "server-tidak-bisa");
        assertThat(closed).isFalse();
        r.type(KeyCode.ENTER);
        waitUntil(closed::get);
    }
}
