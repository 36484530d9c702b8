package id.berkasdesa.common.pdf;

import id.berkasdesa.common.PdfText;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;

/**
 * The app's one way to lay out a printable (request list, cover letter, audit trail, recovery and
 * password sheets): content flows down the page and on to the next — a letterhead (kop surat), lines,
 * paragraphs that wrap, tables whose header repeats on each page, signature blocks kept whole — in
 * DejaVu Sans embedded ({@link PdfText}: "Ŝ. Ñurhayati Ä." prints as typed), with "Halaman i dari n"
 * on every page and, for sample data, a light word across each page.
 */
public final class PdfLayout implements Closeable {

    /** A table row: its cells, and whether it is printed bold (an urgent request). */
    public record Row(List<String> cells, boolean bold) {
    }

    /** One signature block: the lines above the space for the signature, the name under it, a small note. */
    public record Signature(List<String> above, String name, String note) {
    }

    private static final float SIGNATURE_SPACE = 50;

    private final PDDocument doc = new PDDocument();
    private final PDRectangle size;
    private final float margin;
    private final String watermark;
    private final PDFont regular;
    private final PDFont bold;
    private final List<Runnable> everyPage = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;

    /**
     * @param watermark a word printed large and light across every page ("DATA CONTOH"), or null
     */
    public PdfLayout(PDRectangle size, float margin, String watermark) throws IOException {
        this.size = size;
        this.margin = margin;
        this.watermark = watermark;
        this.regular = PdfText.regular(doc);
        this.bold = PdfText.bold(doc);
        newPage();
    }

    /** A4 across: lists and trails with many columns. */
    public static PDRectangle landscape() {
        return new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    }

    public PDFont regular() {
        return regular;
    }

    public PDFont bold() {
        return bold;
    }

    /** The width between the margins. */
    public float width() {
        return size.getWidth() - 2 * margin;
    }

    /** Run at the top of every page after this one (a title repeated), before what flows on. */
    public void onEveryPage(Runnable top) {
        everyPage.add(top);
    }

    /** The kop surat: every line centred, bold but the last (the address), then a double-weight rule. */
    public void letterhead(List<String> lines) throws IOException {
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1;
            PDFont f = last ? regular : bold;
            float fs = last ? 9 : 12;
            room(fs + 3);
            float w = PdfText.width(f, fs, lines.get(i));
            PdfText.text(cs, f, fs, (size.getWidth() - w) / 2, y, lines.get(i));
            y -= fs + 3;
        }
        cs.setLineWidth(1.5f);
        cs.moveTo(margin, y + 2);
        cs.lineTo(size.getWidth() - margin, y + 2);
        cs.stroke();
        cs.setLineWidth(1);
        y -= 16;
    }

    /** One line, cut with "…" where it would pass the margin. */
    public void line(PDFont font, float fontSize, String text) throws IOException {
        room(fontSize + 3);
        PdfText.text(cs, font, fontSize, margin, y, PdfText.fit(font, fontSize, text, width()));
        y -= fontSize + 3;
    }

    /** Text that wraps at the margin and flows on to the next page. */
    public void paragraph(PDFont font, float fontSize, String text) throws IOException {
        for (String line : PdfText.wrap(font, fontSize, text, width())) {
            line(font, fontSize, line);
        }
    }

    public void space(float points) throws IOException {
        if (y - points < margin + 20) {
            newPage();
        } else {
            y -= points;
        }
    }

    /** A line as it is, in another face (the secret of a recovery sheet in a typewriter face). */
    public void raw(PDFont font, float fontSize, String text) throws IOException {
        room(fontSize + 3);
        PdfText.text(cs, font, fontSize, margin, y, text);
        y -= fontSize + 3;
    }

    /**
     * A table: the header in bold under a rule, then a row a line (each cell cut to its column); on
     * each new page the header again.
     */
    public void table(float[] widths, List<String> header, List<Row> rows, float fontSize) throws IOException {
        float step = fontSize + 5;
        Runnable head = () -> {
            try {
                cells(widths, header, bold, fontSize);
                cs.moveTo(margin, y + step - 4);
                cs.lineTo(size.getWidth() - margin, y + step - 4);
                cs.stroke();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        room(2 * step);
        head.run();
        everyPage.add(head);
        try {
            for (Row r : rows) {
                room(step);
                cells(widths, r.cells(), r.bold() ? bold : regular, fontSize);
            }
        } finally {
            everyPage.remove(head);
        }
    }

    private void cells(float[] widths, List<String> cells, PDFont font, float fontSize) throws IOException {
        float x = margin;
        for (int i = 0; i < widths.length && i < cells.size(); i++) {
            PdfText.text(cs, font, fontSize, x, y, PdfText.fit(font, fontSize, cells.get(i), widths[i] - 4));
            x += widths[i];
        }
        y -= fontSize + 5;
    }

    /** Signature blocks side by side (the first at the left margin, the last at the right), kept on one page. */
    public void signatures(List<Signature> blocks) throws IOException {
        int lines = blocks.stream().mapToInt(b -> b.above().size()).max().orElse(0);
        float needed = lines * 13 + SIGNATURE_SPACE + 30;
        room(needed);
        float top = y;
        for (int i = 0; i < blocks.size(); i++) {
            Signature b = blocks.get(i);
            float x = i == 0 ? margin : size.getWidth() - margin - 220;
            float by = top;
            for (String line : b.above()) {
                PdfText.text(cs, regular, 10, x, by, line);
                by -= 13;
            }
            float nameY = top - lines * 13 - SIGNATURE_SPACE;
            PdfText.text(cs, regular, 10, x, nameY, b.name());
            if (b.note() != null) {
                PdfText.text(cs, regular, 8, x, nameY - 13, b.note());
            }
        }
        y = top - needed;
    }

    /** Writes the document, each page numbered by {@code pageLabel}(page, pages). */
    public void save(OutputStream out, BiFunction<Integer, Integer, String> pageLabel) throws IOException {
        cs.close();
        cs = null;
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String label = pageLabel.apply(i + 1, pages);
                PdfText.text(s, regular, 8, size.getWidth() - margin - PdfText.width(regular, 8, label), margin - 14, label);
            }
        }
        doc.save(out);
    }

    /** Room for {@code height} more on this page, or a new page. */
    private void room(float height) throws IOException {
        if (y - height < margin) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(size);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        if (watermark != null) {
            cs.saveGraphicsState();
            cs.setNonStrokingColor(0.85f, 0.85f, 0.85f);
            cs.beginText();
            cs.setFont(bold, 90);
            cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(25), size.getWidth() / 2 - 300, size.getHeight() / 2 - 110));
            cs.showText(PdfText.encodable(bold, watermark));
            cs.endText();
            cs.restoreGraphicsState();
        }
        y = size.getHeight() - margin;
        if (doc.getNumberOfPages() > 1) {
            for (Runnable top : List.copyOf(everyPage)) {
                top.run();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
    }
}
