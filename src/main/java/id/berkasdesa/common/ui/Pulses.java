package id.berkasdesa.common.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Work timed against JavaFX's pulses, where a {@code runLater} is too early: a runnable queued with
 * it runs before the pulse that styles, lays out and draws what was just put on screen, so a time
 * taken in it is not yet what a person sees.
 */
public final class Pulses {

    private Pulses() {
    }

    /**
     * Runs {@code work} once, right after the next pulse of {@code node}'s scene has laid it out (the
     * frame is drawn in that pulse); on the next turn of the JavaFX thread when it is on no scene
     * (nothing to wait for).
     */
    public static void afterLayout(Node node, Runnable work) {
        Scene scene = node.getScene();
        if (scene == null) {
            Platform.runLater(work);
            return;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    Runnable self = this;
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(self)); // not while the pulse walks its listeners
                    work.run();
                }
            }
        });
        Platform.requestNextPulse();
    }
}
