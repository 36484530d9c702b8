package id.berkasdesa.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Pages of a stored file as pictures, for the village's viewer and the district's scans: PDF pages
 * rendered by PDFBox, images decoded.
 */
public final class PageImages {

    /** Screen resolution of a rendered PDF page: an A4 page is 1240 px wide, readable at 100% zoom. */
    private static final float DPI = 150f;

    private PageImages() {
    }

    public static int pageCount(byte[] bytes, FileType type) {
        if (type != FileType.PDF) {
            return 1;
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return pdf.getNumberOfPages();
        } catch (IOException e) {
            throw new DocumentException("document.error.viewFailed", e);
        }
    }

    /**
     * Page {@code index} (from 0), as the file holds it (a photo's EXIF orientation is the village's
     * viewer's concern: an upload copy, the only thing that leaves the village, is already upright).
     */
    public static BufferedImage render(byte[] bytes, FileType type, int index) {
        try {
            if (type == FileType.PDF) {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    return new PDFRenderer(pdf).renderImageWithDPI(index, DPI, ImageType.RGB);
                }
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new DocumentException("document.error.viewFailed");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw DocumentException.of(e, "document.error.viewFailed");
        }
    }
}
