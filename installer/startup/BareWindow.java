import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick for start-up: an empty JavaFX window, launched the same way as the app (java -jar,
 * JavaFX on the class path, a main class that is not the Application). Built by startup-bench.sh.
 */
public final class BareWindow {

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Bare JavaFX window");
            stage.setScene(new Scene(new StackPane(new Label("bare")), 1366, 740));
            stage.show();
        }
    }
}
