package id.berkasdesa.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * Screenshots of windows as a UI test drives them, for the README and for looking at what was
 * built: written only when {@code -Dscreenshots.dir=DIR} is given (the native file chooser of a real
 * window cannot be driven, so dialogs it leads to are captured here).
 */
final class Screenshots {

    private static final String DIR = System.getProperty("screenshots.dir");

    private Screenshots() {
    }

    static void take(FxRobot r, Scene scene, String name) {
        if (DIR == null) {
            return;
        }
        WritableImage[] shot = new WritableImage[1];
        r.interact(() -> shot[0] = scene.snapshot(null));
        PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(DIR));
            ImageIO.write(out, "png", Path.of(DIR, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
