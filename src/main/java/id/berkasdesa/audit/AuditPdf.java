package id.berkasdesa.audit;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.pdf.PdfLayout;
import java.util.ArrayList;
import id.berkasdesa.common.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The audit trail on paper (A4 landscape): the whole trail or a filtered part, or one person's
 * processing trail to hand to them (UU PDP access right). Each line: number, time (local), operator,
 * what was done in words, which data and which fields.
 */
public final class AuditPdf {

    private static final float MARGIN = 36;
    private static final float[] WIDTHS = {44, 96, 110, 230, 90, 200};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Messages messages;
    private final ZoneId zone;

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
        List<String> headers = List.of(messages.get("audit.col.seq"), messages.get("audit.col.at"),
                messages.get("audit.col.operator"), messages.get("audit.col.action"), messages.get("audit.col.entity"),
                messages.get("audit.col.fields"));
        try (PdfLayout pdf = new PdfLayout(PdfLayout.landscape(), MARGIN, null)) {
            pdf.line(pdf.bold(), 14, title);
            for (String line : lines) {
                pdf.paragraph(pdf.regular(), 9, line);
            }
            pdf.space(6);
            List<PdfLayout.Row> rows = new ArrayList<>();
            for (AuditEntry e : entries) {
                rows.add(new PdfLayout.Row(List.of(Long.toString(e.seq()), when(e), e.operator(), action(e.action()),
                        entity(e.entity()), fields(e)), false));
            }
            pdf.table(WIDTHS, headers, rows, 8.5f);
            if (entries.isEmpty()) {
                pdf.line(pdf.regular(), 9, messages.get("audit.pdf.none"));
            }
            pdf.save(out, (page, pages) -> messages.get("audit.pdf.page", page, pages));
        }
    }
}
