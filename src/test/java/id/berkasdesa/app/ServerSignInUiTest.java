package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.cli.BerkasDesaCommand;
import id.berkasdesa.cli.ServerSignIn;
import id.berkasdesa.db.Postgres;
import id.berkasdesa.db.Server;
import id.berkasdesa.db.ServerLogin;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The first start of an office PC whose shortcut has {@code --database} and nothing else: no
 * BERKAS_DESA_DB_USER, nothing kept. A small window asks for the server's user and password; a user
 * the server does not know is refused with the reason, in Bahasa Indonesia, and the officer corrects it
 * without retyping the password; connected, the app's own window opens in its place, and the login is
 * kept on this PC (owner-only) for the next start and the command line.
 */
@ExtendWith(ApplicationExtension.class)
class ServerSignInUiTest {

    @TempDir
    Path dir;
    private BerkasDesaApp app;
    private Path work;
    private String url;

    @Start
    void start(Stage stage) {
        url = "postgresql://localhost:" + Postgres.port() + "/" + Postgres.freshDatabaseName();
        AtomicReference<BerkasDesaCommand> started = new AtomicReference<>();
        String[] args = {"--data-dir", dir.toString(), "--database", url};
        int exit = BerkasDesaCommand.commandLine(started::set, Map.of(), args).execute(args);
        assertThat(exit).isZero();
        ServerSignIn ask = started.get().serverSignIn().orElseThrow();
        assertThat(ask.refusedReason()).isEmpty();
        work = started.get().dataDir();
        assertThat(work).isEqualTo(Server.Address.parse(url).orElseThrow().workDir(dir));
        app = BerkasDesaApp.on(work);
        BerkasDesaApp.askServerFirst(ask);
        app.start(stage);
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(app::stop);
        WaitForAsyncUtils.waitForFxEvents();
        Wiring.useServer(null); // the next test's stores are files again
    }

    @Test
    void theServersLoginIsAskedOnceCorrectedAfterARefusalAndKeptOnThisPc(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#serverUserField").tryQuery().map(Node::isFocused).orElse(false));
        assertThat(r.lookup("#serverIntro").queryAs(Label.class).getText()).contains("postgresql://localhost:" + Postgres.port());
        r.type(KeyCode.ENTER);
        Label message = r.lookup("#serverMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().startsWith("Isi pengguna dan kata sandi server"));

        r.write("salah").type(KeyCode.TAB).write("sandi-server").type(KeyCode.ENTER);
        waitUntil(() -> message.getText().contains("menolak"));
        assertThat(message.getText()).contains("postgresql://localhost", "petugas TI").doesNotContain("Exception", "{");
        assertThat(Files.exists(work.resolve("server-login.properties"))).as("nothing kept from a refused login").isFalse();
        Screenshots.take(r, message.getScene(), "server-masuk-ditolak");

        // the user corrected; the password stays as typed
        r.clickOn("#serverUserField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("postgres");
        assertThat(r.lookup("#serverPasswordField").queryAs(TextField.class).getText()).isEqualTo("sandi-server");
        r.type(KeyCode.ENTER);
        // the app's own window in the same stage: a new office's first start asks what kind of office it is
        waitUntil(() -> r.lookup("#searchField").tryQuery().map(Node::isFocused).orElse(false));
        assertThat(r.lookup("#serverUserField").tryQuery()).isEmpty();
        assertThat(Wiring.serverName()).contains(Server.Address.parse(url).orElseThrow().toString());

        assertThat(ServerLogin.saved(work)).contains(new ServerLogin("postgres", "sandi-server"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("server-login.properties"))))
                .isEqualTo("rw-------");
        try (Stream<Path> logs = Files.walk(work)) {
            for (Path f : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                assertThat(Files.readString(f)).as("the server's password in no log").doesNotContain("sandi-server");
            }
        }
    }
}
