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
 * made; the app never shows the code again. The same page carries a first password the app made for
 * someone, to hand over on paper.
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
        sheet(messages.get("recovery.sheet.title"), List.of(messages.get("recovery.sheet.village", village),
                messages.get("recovery.sheet.admin", admin),
                messages.get("recovery.sheet.made", id.berkasdesa.common.DateText.format(made))),
                messages.get("recovery.sheet.codeLabel"), code, messages.get("recovery.sheet.howto"), out);
    }

    /**
     * The first password the app made for someone, on paper to hand over: the village, the person, their
     * role, the date, the password large, and that it must be changed at the first sign-in.
     */
    public static void savePassword(Messages messages, String village, String who, String role, String password,
            LocalDate made, Path target) throws IOException {
        AtomicFile.write(target, out -> sheet(messages.get("password.sheet.title"), List.of(
                messages.get("recovery.sheet.village", village), messages.get("password.sheet.who", who, role),
                messages.get("recovery.sheet.made", id.berkasdesa.common.DateText.format(made))),
                messages.get("password.sheet.label"), password, messages.get("password.sheet.howto"), out));
    }

    /** One A4 page: a title, lines about it, the secret large in a typewriter face (it is ASCII), how to use it. */
    private static void sheet(String title, List<String> about, String label, String secret, String howto, OutputStream out)
            throws IOException {
        PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PdfText.regular(doc);
            PDFont bold = PdfText.bold(doc);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN;
                PdfText.text(cs, bold, 18, MARGIN, y, title);
                y -= 28;
                for (String line : about) {
                    PdfText.text(cs, regular, 11, MARGIN, y, line);
                    y -= 16;
                }
                y -= 24;
                PdfText.text(cs, regular, 11, MARGIN, y, label);
                y -= 34;
                PdfText.text(cs, mono, 22, MARGIN, y, secret);
                y -= 44;
                for (String line : howto.split("\n")) {
                    PdfText.text(cs, regular, 10.5f, MARGIN, y, line);
                    y -= 15;
                }
            }
            doc.save(out);
        }
    }
}
