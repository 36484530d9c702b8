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

    /**
     * {@code s} broken into lines of at most {@code width} points at spaces (a word longer than a line is
     * broken where it must); each line as the font can show it.
     */
    public static java.util.List<String> wrap(PDFont font, float size, String s, float width) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : encodable(font, s).split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(tried) / 1000 * size <= width) {
                line.setLength(0);
                line.append(tried);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (font.getStringWidth(rest) / 1000 * size > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The width of {@code s} in points. */
    public static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(encodable(font, s)) / 1000 * size;
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
