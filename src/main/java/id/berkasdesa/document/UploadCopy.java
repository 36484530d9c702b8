package id.berkasdesa.document;

import id.berkasdesa.files.DocumentException;
import id.berkasdesa.files.FileType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Makes the copy of a document that goes into bundles and up to SIKS-NG: photos turned upright (EXIF
 * orientation plus the operator's rotation), scaled to fit A4 at 150 dpi (never enlarged), as one
 * JPEG, or several pages combined into one PDF; a PDF that is already small enough is kept as it is.
 *
 * <p>Size: JPEG quality steps down from 0.85 to 0.55 until the copy is under the limit. Below that,
 * text photographed at 150 dpi smears, so a copy still over the limit is flagged for the operator
 * (scan in black and white, or fewer pages) instead of being ruined.
 */
public final class UploadCopy {

    /** A4 at 150 dpi, in pixels. */
    public static final int LONG_SIDE = 1754;
    public static final int SHORT_SIDE = 1240;
    private static final float DPI = 150f;
    private static final float[] QUALITIES = {0.85f, 0.75f, 0.65f, 0.55f};
    /** Pages kept decoded between quality steps; longer documents are rendered again per step. */
    private static final int CACHED_PAGES = 8;

    private UploadCopy() {
    }

    public record Result(byte[] bytes, FileType type, int pages, boolean overLimit) {
    }

    /**
     * @param rotation the operator's extra rotation, clockwise degrees (0, 90, 180, 270)
     * @param limit the size an upload copy should stay under, in bytes
     */
    public static Result make(List<SourceFile> sources, int rotation, long limit) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no files");
        }
        List<PDDocument> open = new ArrayList<>();
        try {
            if (sources.size() == 1 && sources.get(0).type() == FileType.PDF) {
                Result kept = keptPdf(sources.get(0), rotation, limit);
                if (kept != null) {
                    return kept;
                }
            }
            List<Page> pages = pages(sources, rotation, open);
            if (pages.size() == 1 && sources.get(0).type() != FileType.PDF) {
                BufferedImage image = pages.get(0).render();
                byte[] jpeg = null;
                for (float q : QUALITIES) {
                    jpeg = jpeg(image, q);
                    if (jpeg.length <= limit) {
                        return new Result(jpeg, FileType.JPEG, 1, false);
                    }
                }
                return new Result(jpeg, FileType.JPEG, 1, true);
            }
            List<BufferedImage> cache = new ArrayList<>();
            byte[] pdf = null;
            for (float q : QUALITIES) {
                pdf = combined(pages, cache, q);
                if (pdf.length <= limit) {
                    return new Result(pdf, FileType.PDF, pages.size(), false);
                }
            }
            return new Result(pdf, FileType.PDF, pages.size(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (PDDocument d : open) {
                try {
                    d.close();
                } catch (IOException e) {
                    // read-only document: nothing to lose
                }
            }
        }
    }

    /** A single PDF, rotated by setting its pages' /Rotate, kept when small enough; else null. */
    private static Result keptPdf(SourceFile pdf, int rotation, long limit) throws IOException {
        if (rotation == 0) {
            if (pdf.size() > limit) {
                return null;
            }
            try (InputStream in = pdf.source().open()) {
                return new Result(in.readAllBytes(), FileType.PDF, pdf.pages(), false);
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdf.source().randomAccess())) {
            for (PDPage page : doc.getPages()) {
                page.setRotation((page.getRotation() + rotation) % 360);
            }
            doc.setAllSecurityToBeRemoved(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.size() <= limit ? new Result(out.toByteArray(), FileType.PDF, pdf.pages(), false) : null;
        }
    }

    @FunctionalInterface
    private interface Page {
        BufferedImage render() throws IOException;
    }

    private static List<Page> pages(List<SourceFile> sources, int rotation, List<PDDocument> open) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (SourceFile s : sources) {
            if (s.type() == FileType.PDF) {
                PDDocument doc = Loader.loadPDF(s.source().randomAccess());
                open.add(doc);
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    int index = i;
                    pages.add(() -> upright(render(renderer, doc.getPage(index), index, s.name()), 1, rotation));
                }
            } else {
                pages.add(() -> upright(decode(s), s.orientation(), rotation));
            }
        }
        return pages;
    }

    private static BufferedImage render(PDFRenderer renderer, PDPage page, int index, String name) throws IOException {
        PDRectangle box = page.getCropBox();
        float longPt = Math.max(box.getWidth(), box.getHeight());
        float shortPt = Math.min(box.getWidth(), box.getHeight());
        float scale = Math.min(DPI / 72f, Math.min(LONG_SIDE / longPt, SHORT_SIDE / shortPt));
        try {
            return renderer.renderImage(index, scale, ImageType.RGB);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException("document.error.corruptPdf", e, name);
        }
    }

    /**
     * Decodes an image, skipping rows and columns when it is more than twice the A4 size (a 12 MP
     * photo is read at 2000 × 1500), so memory stays small however large the photo. A decoder
     * warning (a truncated JPEG is filled up with grey) counts as a corrupt file.
     */
    static BufferedImage decode(SourceFile s) throws IOException {
        try (InputStream in = s.source().open(); ImageInputStream iis = imageStream(in)) {
            ImageReader reader = ImageIO.getImageReadersByFormatName(s.type().name()).next();
            try {
                reader.setInput(iis, true, true);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (r, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(s.width(), s.height());
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (!warnings.isEmpty()) {
                    throw new DocumentException("document.error.corruptImage", s.name());
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw DocumentException.of(e, "document.error.corruptImage", s.name());
        }
    }

    /** The largest whole step that still leaves the image at least A4 at 150 dpi. */
    /**
     * An image stream over {@code in}, cached in memory, never in a temp file (ImageIO's default
     * would write the scan's bytes, in clear, to the system's temp folder).
     */
    static ImageInputStream imageStream(InputStream in) throws IOException {
        return new javax.imageio.stream.MemoryCacheImageInputStream(in);
    }

    static int subsampling(int width, int height) {
        double scale = fit(Math.max(width, height), Math.min(width, height));
        return Math.max(1, (int) Math.floor(1 / scale));
    }

    private static double fit(int longSide, int shortSide) {
        return Math.min(1.0, Math.min((double) LONG_SIDE / longSide, (double) SHORT_SIDE / shortSide));
    }

    /** Page {@code index} of a stored file as the viewer shows it: a photo turned by its EXIF orientation, as a phone shows it. */
    public static BufferedImage shown(byte[] bytes, FileType type, int index) {
        BufferedImage image = id.berkasdesa.files.PageImages.render(bytes, type, index);
        int orientation = type == FileType.JPEG ? SourceFile.orientation(new java.io.ByteArrayInputStream(bytes)) : 1;
        return orientation == 1 ? image : upright(image, orientation, 0);
    }

    /**
     * Turns an image upright (EXIF orientation, then {@code rotation} clockwise), scales it to fit
     * A4 at 150 dpi, and flattens it onto white (PNG transparency).
     */
    static BufferedImage upright(BufferedImage src, int orientation, int rotation) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        boolean mirror = orientation == 2 || orientation == 4 || orientation == 5 || orientation == 7;
        int exifTurns = switch (orientation) {
            case 3, 4 -> 2;
            case 6, 7 -> 1;
            case 5, 8 -> 3;
            default -> 0;
        };
        int turns = (exifTurns + rotation / 90) % 4;
        int rw = turns % 2 == 0 ? sw : sh;
        int rh = turns % 2 == 0 ? sh : sw;
        double f = fit(Math.max(rw, rh), Math.min(rw, rh));
        int ow = Math.max(1, (int) Math.round(rw * f));
        int oh = Math.max(1, (int) Math.round(rh * f));

        AffineTransform at = new AffineTransform();
        at.scale((double) ow / rw, (double) oh / rh);
        switch (turns) {
            case 1 -> at.translate(sh, 0);
            case 2 -> at.translate(sw, sh);
            case 3 -> at.translate(0, sw);
            default -> { }
        }
        at.quadrantRotate(turns);
        if (mirror) {
            at.translate(sw, 0);
            at.scale(-1, 1);
        }
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, ow, oh);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, at, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** One PDF with a page per image, each page A4 in the image's orientation, the image fitted to it. */
    private static byte[] combined(List<Page> pages, List<BufferedImage> cache, float quality) throws IOException {
        boolean caching = pages.size() <= CACHED_PAGES;
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages.size(); i++) {
                BufferedImage image;
                if (caching && i < cache.size()) {
                    image = cache.get(i);
                } else {
                    image = pages.get(i).render();
                    if (caching) {
                        cache.add(image);
                    }
                }
                PDImageXObject xobject = JPEGFactory.createFromByteArray(doc, jpeg(image, quality));
                boolean landscape = image.getWidth() > image.getHeight();
                PDRectangle a4 = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                        : PDRectangle.A4;
                PDPage page = new PDPage(a4);
                doc.addPage(page);
                float f = Math.min(a4.getWidth() / image.getWidth(), a4.getHeight() / image.getHeight());
                float w = image.getWidth() * f;
                float h = image.getHeight() * f;
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(xobject, (a4.getWidth() - w) / 2, (a4.getHeight() - h) / 2, w, h);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
