package id.berkasdesa.common;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.ui.KeyboardEntry;
import java.lang.ref.WeakReference;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A form that follows the focus to keep the field in view is not kept alive by the window once it is closed. */
@ExtendWith(ApplicationExtension.class)
class KeyboardEntryUiTest {

    private StackPane page;

    @Start
    void start(Stage stage) {
        page = new StackPane();
        stage.setScene(new Scene(page, 400, 300));
        stage.show();
    }

    @Test
    void aClosedFormIsNotHeldByTheScenesFocusListener(FxRobot r) throws Exception {
        WeakReference<?>[] form = new WeakReference<?>[1];
        r.interact(() -> {
            VBox content = new VBox(new TextField(), new TextField());
            ScrollPane scroll = new ScrollPane(content);
            KeyboardEntry.scrollToFocused(scroll, content);
            page.getChildren().setAll(scroll);
            content.getChildren().get(1).requestFocus();
            form[0] = new WeakReference<>(scroll);
        });
        r.interact(() -> page.getChildren().setAll(new TextField("the next page")));
        for (int i = 0; i < 20 && form[0].get() != null; i++) {
            System.gc();
            Thread.sleep(50);
            r.interact(() -> { });
        }
        assertThat(form[0].get()).as("the closed form is collected").isNull();
    }
}
