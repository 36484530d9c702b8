package id.berkasdesa.account;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.PdfText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable recovery sheet for the office safe: the village, the Administrator, the date, and
 * the recovery code large, in a typewriter face, with how to use it. Written once, when the code is
 * made; the app never shows the code again.
 */
public final class RecoverySheet {

    private static final float MARGIN = 56;

    private RecoverySheet() {
    }

    public static void save(Messages messages, String village, String admin, String code, LocalDate made, Path target)
            throws IOException {
        AtomicFile.write(target, out -> write(messages, village, admin, code, made, out));
    }

    static void write(Messages messages, String village, String admin, String code, LocalDate made, OutputStream out)
            throws IOException {
        // the code itself in a standard monospace (it is ASCII); names in the embedded Unicode font
        PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PdfText.regular(doc);
            PDFont bold = PdfText.bold(doc);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN;
                PdfText.text(cs, bold, 18, MARGIN, y, messages.get("recovery.sheet.title"));
                y -= 28;
                for (String line : List.of(messages.get("recovery.sheet.village", village),
                        messages.get("recovery.sheet.admin", admin),
                        messages.get("recovery.sheet.made", id.berkasdesa.household.DateText.format(made)))) {
                    PdfText.text(cs, regular, 11, MARGIN, y, line);
                    y -= 16;
                }
                y -= 24;
                PdfText.text(cs, regular, 11, MARGIN, y, messages.get("recovery.sheet.codeLabel"));
                y -= 34;
                PdfText.text(cs, mono, 22, MARGIN, y, code);
                y -= 44;
                for (String line : messages.get("recovery.sheet.howto").split("\n")) {
                    PdfText.text(cs, regular, 10.5f, MARGIN, y, line);
                    y -= 15;
                }
            }
            doc.save(out);
        }
    }
}
