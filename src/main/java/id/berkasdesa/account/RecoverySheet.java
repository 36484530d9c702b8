package id.berkasdesa.account;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.DateText;
import id.berkasdesa.common.pdf.PdfLayout;
import id.berkasdesa.common.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
                messages.get("recovery.sheet.made", DateText.format(made))),
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
                messages.get("recovery.sheet.made", DateText.format(made))),
                messages.get("password.sheet.label"), password, messages.get("password.sheet.howto"), out));
    }

    /** One A4 page: a title, lines about it, the secret large in a typewriter face (it is ASCII), how to use it. */
    private static void sheet(String title, List<String> about, String label, String secret, String howto, OutputStream out)
            throws IOException {
        PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        try (PdfLayout pdf = new PdfLayout(PDRectangle.A4, MARGIN, null)) {
            pdf.line(pdf.bold(), 18, title);
            pdf.space(10);
            for (String line : about) {
                pdf.line(pdf.regular(), 11, line);
            }
            pdf.space(24);
            pdf.line(pdf.regular(), 11, label);
            pdf.space(10);
            pdf.raw(mono, 22, secret);
            pdf.space(20);
            for (String line : howto.split("\n")) {
                pdf.paragraph(pdf.regular(), 10.5f, line);
            }
            pdf.save(out, (page, pages) -> "");
        }
    }
}
