package id.berkasdesa.common;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text on a PDF page with the standard fonts, as every printable of the app writes it. */
public final class PdfText {

    private PdfText() {
    }

    public static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(encodable(font, s));
        cs.endText();
    }

    /** The standard PDF fonts know WinAnsi only: anything else becomes '?', never an exception. */
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
