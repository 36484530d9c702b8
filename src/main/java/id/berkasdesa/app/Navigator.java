package id.berkasdesa.app;

import id.berkasdesa.common.ui.Page;
import id.berkasdesa.common.ui.TypeAhead;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.Node;

/**
 * The content area and the page buttons: one page at a time, told when it is shown and when it is
 * left; keys typed while a page is swapped in reach it ({@link TypeAhead}).
 */
final class Navigator {

    private final StackPane content;
    private final ToggleGroup nav = new ToggleGroup();
    private Page current;

    Navigator(StackPane content, List<ToggleButton> buttons) {
        this.content = content;
        buttons.forEach(b -> b.setToggleGroup(nav));
        // a page button stays pressed: choosing the page on show again just shows it afresh
        nav.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true);
            }
        });
    }

    /** Shows a feature's view (its pages switch among themselves through here). */
    void show(Parent view) {
        show(Page.of(view));
    }

    void show(Page page) {
        Runnable ready = TypeAhead.hold(content.getScene());
        Page before = current;
        current = page;
        content.getChildren().setAll(page.view());
        // its skins now, not at the next pulse: keys already waiting behind the command (Ctrl+3 and a
        // name typed on its heels) come before that pulse, and a field without its skin ignores them
        page.view().applyCss();
        if (before != null && before != page) {
            before.left();
        }
        page.shown();
        ready.run(); // the page's own focus request comes first in this pulse; the kept keys after it
    }


    /** Puts back what was on screen (the same person unlocked the window): not shown anew. */
    void restore(List<Node> kept) {
        content.getChildren().setAll(kept);
    }

    List<Node> onScreen() {
        return List.copyOf(content.getChildren());
    }

    void select(ToggleButton button) {
        nav.selectToggle(button);
    }
}
