package id.berkasdesa.document;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Invented "phone photos" of letters, for the benchmark and for tests: paper-coloured, lines of
 * 12-point-sized text, camera noise, so they compress like real photos. The top-left quarter is
 * dark red, so anyone can tell which way is up. No real document is ever shipped or generated.
 */
public final class SampleScans {

    private SampleScans() {
    }

    public static BufferedImage letterPhoto(int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(236, 232, 222));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(150, 20, 20));
        g.fillRect(0, 0, width / 4, height / 4);
        g.setColor(new Color(30, 30, 40));
        // 12 pt on an A4 page photographed edge to edge: the page's long side is 842 pt
        int size = Math.max(10, Math.max(width, height) * 12 / 842);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, size));
        int y = height / 4 + size * 2;
        int line = 0;
        while (y < height - size) {
            g.drawString("SURAT KETERANGAN TIDAK MAMPU No. 470/" + (line++)
                    + "/DS/2026 yang bertanda tangan di bawah ini Kepala Desa Contoh menerangkan", width / 12, y);
            y += (int) (size * 1.5);
        }
        g.dispose();
        Random random = new Random(seed);
        for (int i = 0; i < width * height / 8; i++) {
            int x = random.nextInt(width);
            int yy = random.nextInt(height);
            int rgb = img.getRGB(x, yy);
            int d = random.nextInt(21) - 10;
            img.setRGB(x, yy, (clamp(((rgb >> 16) & 0xFF) + d) << 16) | (clamp(((rgb >> 8) & 0xFF) + d) << 8)
                    | clamp((rgb & 0xFF) + d));
        }
        return img;
    }

    /** The photo as a JPEG at the quality phones use (~0.92). */
    public static byte[] letterJpeg(int width, int height, long seed) {
        try {
            return UploadCopy.jpeg(letterPhoto(width, height, seed), 0.92f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
