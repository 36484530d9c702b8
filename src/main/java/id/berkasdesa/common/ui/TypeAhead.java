package id.berkasdesa.common.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * Keys typed while a page opens reach the page, in order. A command that opens a page (Ctrl+N, Ctrl+2,
 * the sign-in's Enter) {@link #hold}s the window's keys; while any hold is taken, every key event is
 * kept instead of going to whatever has the focus meanwhile (the sign-in form, the home screen's
 * button). When the last hold is released — the page is built and its first field has the focus — the
 * kept keys are delivered to the focus owner one by one, as if typed then; a key that opens another
 * page takes a hold of its own, and the rest wait for that page. A hold never outlives
 * {@link #LONGEST}: a page that fails to open gives the keyboard back.
 */
public final class TypeAhead {

    /** The longest a hold keeps the keys (a page that never says it is ready). */
    static final Duration LONGEST = Duration.seconds(8);
    private static final Object KEY = new Object();

    private final Scene scene;
    private final Deque<KeyEvent> kept = new ArrayDeque<>();
    private int holds;
    private boolean replaying;

    private TypeAhead(Scene scene) {
        this.scene = scene;
        scene.addEventFilter(KeyEvent.ANY, this::keep);
    }

    /** The keys of {@code scene}'s window, held until the returned action runs (once; later runs do nothing). */
    public static Runnable hold(Scene scene) {
        if (scene == null) {
            return () -> { };
        }
        TypeAhead t = (TypeAhead) scene.getProperties().computeIfAbsent(KEY, k -> new TypeAhead(scene));
        return t.take();
    }

    /**
     * The same for the window that has the keyboard now (the one a command was typed in). On a busy PC
     * the focus can be between windows for a moment: then the app's own main window (a showing window
     * nobody owns) is held, so that the keys typed meanwhile are not lost.
     */
    public static Runnable hold() {
        javafx.stage.Window main = null;
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isFocused()) {
                return hold(w.getScene());
            }
            if (main == null && w.isShowing() && w instanceof javafx.stage.Stage s && s.getOwner() == null) {
                main = w;
            }
        }
        return main == null ? () -> { } : hold(main.getScene());
    }

    /** The same for the window {@code node} is in. */
    public static Runnable hold(Node node) {
        return hold(node == null ? null : node.getScene());
    }

    private Runnable take() {
        holds++;
        boolean[] released = {false};
        PauseTransition limit = new PauseTransition(LONGEST);
        Runnable release = () -> {
            if (released[0]) {
                return;
            }
            released[0] = true;
            limit.stop();
            holds--;
            if (holds == 0) {
                // after whatever the release's caller still does in this pulse (its focus request)
                Platform.runLater(this::deliver);
            }
        };
        limit.setOnFinished(e -> release.run());
        limit.play();
        return release;
    }

    private void keep(KeyEvent e) {
        if (replaying) {
            return;
        }
        if (holds > 0 || !kept.isEmpty()) {
            kept.add(e);
            e.consume();
        }
    }

    /** The kept keys to the focus owner, in order, until a key opens a page that holds them again. */
    private void deliver() {
        while (holds == 0 && !kept.isEmpty()) {
            KeyEvent e = kept.poll();
            Node owner = scene.getFocusOwner();
            if (owner instanceof javafx.scene.control.Control c && c.getSkin() == null) {
                // a page just built has no skins until its first pulse, and a field without its skin
                // ignores typing: make them now
                owner.applyCss();
            }
            EventTarget target = owner != null ? owner : scene;
            replaying = true;
            try {
                Event.fireEvent(target, e.copyFor(target, target));
            } finally {
                replaying = false;
            }
        }
    }
}
