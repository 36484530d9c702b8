package id.berkasdesa.common.ui;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Pictures drawn by AWT or PDFBox, for JavaFX (javafx-swing is not on the class path for one call). */
public final class Images {

    private Images() {
    }

    /** AWT pixels into a JavaFX image; safe off the FX thread (the image is not yet on screen). */
    public static Image toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }
}
