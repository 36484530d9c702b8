package id.berkasdesa.audit;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.PdfText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The audit trail on paper (A4 landscape): the whole trail or a filtered part, or one person's
 * processing trail to hand to them (UU PDP access right). Each line: number, time (local), operator,
 * what was done in words, which data and which fields.
 */
public final class AuditPdf {

    private static final float MARGIN = 36;
    private static final float ROW = 13;
    private static final float[] WIDTHS = {44, 96, 110, 230, 90, 200};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Messages messages;
    private final ZoneId zone;
    /** The faces embedded in the document being written (set as each one starts). */
    private PDFont regular;
    private PDFont bold;

    public AuditPdf(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** What was done, in the operator's words ("Data KK disimpan"); the action's name when it has none. */
    public String action(String action) {
        String key = "audit.do." + action;
        return messages.has(key) ? messages.get(key) : action;
    }

    /** Which data, in the operator's words ("KK", "Usulan"); as stored when it has none. */
    public String entity(String entity) {
        String key = "audit.entity." + entity;
        return entity.isEmpty() || !messages.has(key) ? entity : messages.get(key);
    }

    /**
     * A changed field as the form that changed it names it ("Nama lengkap", "Peran", "Alasan usulan"),
     * never the program's name for it (noKk, recoveryCode); as stored when no form names it.
     */
    public String field(String name) {
        for (String prefix : new String[] {"audit.field.", "household.", "member.", "request.form."}) {
            if (messages.has(prefix + name)) {
                return messages.get(prefix + name);
            }
        }
        return name;
    }

    /** The changed fields of an entry, in the forms' words, joined. */
    public String fields(AuditEntry e) {
        return String.join(", ", e.fields().stream().map(this::field).toList());
    }

    /** The time of an entry as the village reads it. */
    public String when(AuditEntry e) {
        return WHEN.format(Instant.parse(e.at()).atZone(zone));
    }

    /**
     * Writes to {@code target} through a temporary file renamed when complete.
     *
     * @param lines the heading lines under the title (village, filter or person, the chain's head)
     */
    public void save(String title, List<String> lines, List<AuditEntry> entries, Path target) throws IOException {
        AtomicFile.write(target, out -> write(title, lines, entries, out));
    }

    void write(String title, List<String> lines, List<AuditEntry> entries, OutputStream out) throws IOException {
        String[] headers = {messages.get("audit.col.seq"), messages.get("audit.col.at"), messages.get("audit.col.operator"),
                messages.get("audit.col.action"), messages.get("audit.col.entity"), messages.get("audit.col.fields")};
        try (PDDocument doc = new PDDocument()) {
            regular = PdfText.regular(doc);
            bold = PdfText.bold(doc);
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            int index = 0;
            int pageNo = 0;
            do {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                pageNo++;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = size.getHeight() - MARGIN;
                    if (pageNo == 1) {
                        PdfText.text(cs, bold, 14, MARGIN, y, title);
                        y -= 18;
                        for (String line : lines) {
                            PdfText.text(cs, regular, 9, MARGIN, y, line);
                            y -= 12;
                        }
                        y -= 6;
                    }
                    row(cs, bold, y, headers);
                    y -= ROW;
                    while (index < entries.size() && y > MARGIN + 20) {
                        AuditEntry e = entries.get(index++);
                        row(cs, regular, y, new String[] {Long.toString(e.seq()), when(e), e.operator(), action(e.action()),
                                entity(e.entity()), fields(e)});
                        y -= ROW;
                    }
                    if (entries.isEmpty()) {
                        PdfText.text(cs, regular, 9, MARGIN, y, messages.get("audit.pdf.none"));
                    }
                    PdfText.text(cs, regular, 8, size.getWidth() - MARGIN - 80, MARGIN - 12,
                            messages.get("audit.pdf.page", pageNo));
                }
            } while (index < entries.size());
            doc.save(out);
        }
    }

    private void row(PDPageContentStream cs, PDFont font, float y, String[] cells) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            PdfText.text(cs, font, 8.5f, x, y, PdfText.fit(font, 8.5f, cells[i], WIDTHS[i] - 4));
            x += WIDTHS[i];
        }
    }
}
