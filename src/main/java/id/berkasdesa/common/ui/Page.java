package id.berkasdesa.common.ui;

import javafx.scene.Parent;

/**
 * A page of the main window's content area, with a life cycle: told when it is shown (fetch what it
 * shows, take the focus) and when it is left for another page (stop what only it needs). A view
 * that is a plain {@link Parent} is a page with nothing to be told.
 */
public interface Page {

    Parent view();

    /** Shown now (on the FX thread, after it entered the scene). */
    default void shown() {
    }

    /** Another page took its place. */
    default void left() {
    }

    /** A view with no life cycle of its own. */
    static Page of(Parent view) {
        return () -> view;
    }
}
