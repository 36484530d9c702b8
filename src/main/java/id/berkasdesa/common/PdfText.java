package id.berkasdesa.common;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text on a PDF page, as every printable of the app writes it, in DejaVu Sans embedded in the file
 * (a subset: only the glyphs used): a name such as "Ŝ. Ñurhayati Ä." prints as typed on any PC,
 * where the standard PDF fonts knew WinAnsi only. A character the font lacks becomes '?', never an
 * exception.
 */
public final class PdfText {

    private static final String REGULAR = "/id/berkasdesa/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/id/berkasdesa/fonts/DejaVuSans-Bold.ttf";

    private PdfText() {
    }

    /** The regular face, embedded in {@code doc}. */
    public static org.apache.pdfbox.pdmodel.font.PDFont regular(org.apache.pdfbox.pdmodel.PDDocument doc) throws IOException {
        return load(doc, REGULAR);
    }

    /** The bold face, embedded in {@code doc}. */
    public static org.apache.pdfbox.pdmodel.font.PDFont bold(org.apache.pdfbox.pdmodel.PDDocument doc) throws IOException {
        return load(doc, BOLD);
    }

    private static PDFont load(org.apache.pdfbox.pdmodel.PDDocument doc, String resource) throws IOException {
        try (java.io.InputStream in = PdfText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font missing from the app: " + resource);
            }
            return org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, in, true);
        }
    }

    public static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(encodable(font, s));
        cs.endText();
    }

    /** What {@code font} can show of {@code s}: a character it lacks becomes '?', never an exception. */
    public static String encodable(PDFont font, String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    /** The text cut with "..." to fit {@code width} points. */
    public static String fit(PDFont font, float size, String s, float width) throws IOException {
        String e = encodable(font, s);
        if (font.getStringWidth(e) / 1000 * size <= width) {
            return e;
        }
        while (e.length() > 1 && font.getStringWidth(e + "...") / 1000 * size > width) {
            e = e.substring(0, e.length() - 1);
        }
        return e + "...";
    }
}
