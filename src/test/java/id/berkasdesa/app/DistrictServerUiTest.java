package id.berkasdesa.app;

import static id.berkasdesa.app.AppFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.db.Postgres;
import id.berkasdesa.db.Server;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.Node;
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
 * The window of an office on a PostgreSQL server: the first PC sets the Dinas Sosial up from the
 * keyboard as on a file; a second PC, with nothing of its own, opens on the sign-in with the office's
 * name, and the same Administrator signs in to the same inbox. No store file on either PC.
 */
@ExtendWith(ApplicationExtension.class)
class DistrictServerUiTest {

    @TempDir
    Path dir;
    private final AppFixture app = new AppFixture();
    private final AppFixture second = new AppFixture();
    private Server server;
    private Server.Address address;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        String url = "postgresql://localhost:" + Postgres.port() + "/" + Postgres.freshDatabaseName();
        address = Server.Address.parse(url).orElseThrow();
        server = Server.connect(url, "postgres", "sandi-server");
        Wiring.useServer(server);
        app.start(stage, address.workDir(dir.resolve("pc-1")));
    }

    @AfterEach
    void stop() {
        second.stop();
        Wiring.useServer(null); // the next test's stores are files again
        server.close();
    }

    @Test
    void aSecondPcSignsInToTheOfficeTheFirstSetUp(FxRobot r) throws Exception {
        waitUntil(() -> r.lookup("#searchField").tryQuery().map(Node::isFocused).orElse(false));
        AppFixture.setUpDistrict(r, "kota bogor", "Budi");
        waitUntil(() -> r.lookup("#passwordField").tryQuery().map(Node::isFocused).orElse(false));
        r.write(AppFixture.PASSWORD).type(KeyCode.ENTER).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup(".dialog-pane").tryQuery().isPresent());
        r.clickOn("Sudah saya catat");
        waitUntil(() -> r.lookup("#folderButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#officeLabel").queryAs(Label.class).getText()).isEqualTo("Dinas Sosial Kota Bogor (32.71)");
        assertThat(server.keyRing()).as("the key ring is the server's").isPresent();
        r.interact(app::stop);

        // the second PC: its own empty work folder; the store and the key ring come from the server
        Path pc2 = address.workDir(dir.resolve("pc-2"));
        r.interact(() -> second.startSignedOut(stage, pc2));
        waitUntil(() -> r.lookup("#nameField").tryQuery().map(Node::isVisible).orElse(false));
        r.clickOn("#nameField").write("Budi").type(KeyCode.ENTER).write(AppFixture.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> r.lookup("#folderButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(r.lookup("#officeLabel").queryAs(Label.class).getText()).isEqualTo("Dinas Sosial Kota Bogor (32.71)");
        assertThat(r.lookup("#operatorLabel").queryAs(Label.class).getText()).isEqualTo("Administrator: Budi");
        assertThat(r.lookup("#dataDirLabel").queryAs(Label.class).getText()).isEqualTo("Server data: " + address);
        Screenshots.take(r, r.lookup("#officeLabel").query().getScene(), "dinas-server");

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".mv.db"));
        }
    }
}
