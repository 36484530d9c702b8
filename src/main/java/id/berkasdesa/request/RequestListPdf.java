package id.berkasdesa.request;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.PdfText;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.DateText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The printable list of requests for the village head's signature: A4 landscape, urgent ones first,
 * page numbers, and a signature block on the last page.
 */
public final class RequestListPdf {

    /** Who signs, and where and when. */
    /**
     * @param letterhead lines centred above a rule at the top of the first page (a letter's kop), or empty
     * @param watermark a word printed large across every page ("DATA CONTOH"), or null
     */
    /**
     * @param namaOperator who prepared the list (the session's operator)
     * @param signatory the village head who signs it (village data); "" leaves the line to be filled in by hand
     */
    public record Heading(String namaDesa, String namaKantor, String namaOperator, String signatory, String filter,
            LocalDate today, String title, List<String> intro, List<String> letterhead, String watermark) {

        public Heading {
            signatory = signatory == null ? "" : signatory.strip();
        }

        public Heading(String namaDesa, String namaKantor, String namaOperator, String signatory, String filter,
                LocalDate today) {
            this(namaDesa, namaKantor, namaOperator, signatory, filter, today, null, List.of(), List.of(), null);
        }

        /** The same heading describing another filter. */
        public Heading withFilter(String description) {
            return new Heading(namaDesa, namaKantor, namaOperator, signatory, description, today);
        }
    }

    private static final float MARGIN = 36;
    private static final float ROW = 15;
    private static final float[] WIDTHS = {22, 120, 100, 100, 50, 92, 70, 60, 56, 100};

    private final Messages messages;
    /** The faces embedded in the document being written (set as each one starts). */
    private PDFont regular;
    private PDFont bold;

    public RequestListPdf(Messages messages) {
        this.messages = messages;
    }

    /**
     * Writes the list to {@code target}: a temporary file beside it, forced to disk, then renamed, so a
     * full stick or a power cut never leaves half a PDF under the name.
     *
     * @throws RequestException "request.pdf.failed" when the folder cannot be written
     */
    public void save(List<RequestSummary> rows, Heading heading, Path target) {
        try {
            AtomicFile.write(target, out -> write(rows, heading, out));
        } catch (IOException | RuntimeException e) {
            throw new RequestException("request.pdf.failed", String.valueOf(target.getParent()));
        }
    }

    public void write(List<RequestSummary> rows, Heading heading, OutputStream out) throws IOException {
        List<RequestSummary> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((RequestSummary r) -> !r.urgent())
                .thenComparing(RequestSummary::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        String[] headers = {"No", t("request.pdf.col.nama"), t("request.pdf.col.nik"), t("request.pdf.col.kk"),
                t("request.pdf.col.rtrw"), t("request.pdf.col.kategori"), t("request.pdf.col.nonaktif"),
                t("request.pdf.col.batas"), t("request.pdf.col.sisa"), t("request.pdf.col.status")};
        try (PDDocument doc = new PDDocument()) {
            regular = PdfText.regular(doc);
            bold = PdfText.bold(doc);
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            int index = 0;
            int pageNo = 0;
            boolean signed = false;
            while (!signed) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                pageNo++;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    if (heading.watermark() != null) {
                        watermark(cs, size, heading.watermark());
                    }
                    float y = size.getHeight() - MARGIN;
                    if (pageNo == 1 && !heading.letterhead().isEmpty()) {
                        for (int i = 0; i < heading.letterhead().size(); i++) {
                            String line = heading.letterhead().get(i);
                            PDFont f = i < heading.letterhead().size() - 1 ? bold : regular;
                            float fs = i < heading.letterhead().size() - 1 ? 12 : 9;
                            float w = f.getStringWidth(encodable(f, line)) / 1000 * fs;
                            text(cs, f, fs, (size.getWidth() - w) / 2, y, line);
                            y -= fs + 3;
                        }
                        cs.setLineWidth(1.5f);
                        cs.moveTo(MARGIN, y + 2);
                        cs.lineTo(size.getWidth() - MARGIN, y + 2);
                        cs.stroke();
                        cs.setLineWidth(1);
                        y -= 16;
                    }
                    text(cs, bold, 13, MARGIN, y, heading.title() == null ? t("request.pdf.title") : heading.title());
                    y -= 16;
                    text(cs, regular, 10, MARGIN, y, office(heading.namaKantor(), heading.namaDesa()));
                    y -= 13;
                    text(cs, regular, 9, MARGIN, y, messages.get("request.pdf.subtitle", DateText.format(heading.today()),
                            ordered.size(), heading.filter()));
                    if (pageNo == 1) {
                        for (String line : heading.intro()) {
                            y -= 13;
                            text(cs, regular, 10, MARGIN, y, line);
                        }
                    }
                    text(cs, regular, 8, size.getWidth() - MARGIN - 60, MARGIN - 14, messages.get("request.pdf.page", pageNo));
                    y -= 20;
                    row(cs, bold, y, headers);
                    cs.moveTo(MARGIN, y - 4);
                    cs.lineTo(size.getWidth() - MARGIN, y - 4);
                    cs.stroke();
                    y -= ROW;
                    while (index < ordered.size() && y > MARGIN + 10) {
                        RequestSummary r = ordered.get(index);
                        index++;
                        row(cs, r.urgent() ? bold : regular, y, cells(index, r, heading.today()));
                        y -= ROW;
                    }
                    if (index >= ordered.size() && y > MARGIN + 110) {
                        signature(cs, size, y - 10, heading);
                        signed = true;
                    }
                }
            }
            doc.save(out);
        }
    }

    /** A large light word across the page, under everything else. */
    private void watermark(PDPageContentStream cs, PDRectangle size, String word) throws IOException {
        cs.saveGraphicsState();
        cs.setNonStrokingColor(0.85f, 0.85f, 0.85f);
        cs.beginText();
        cs.setFont(bold, 90);
        cs.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.toRadians(25), size.getWidth() / 2 - 300,
                size.getHeight() / 2 - 110));
        cs.showText(encodable(bold, word));
        cs.endText();
        cs.restoreGraphicsState();
    }

    private String[] cells(int no, RequestSummary r, LocalDate today) {
        long left = r.deadline() == null ? 0 : ChronoUnit.DAYS.between(today, r.deadline());
        // "lewat 12 hari" once past: a negative count says nothing on paper either
        String sisa = r.deadline() == null ? "-" : left >= 0 ? String.valueOf(left) : messages.get("request.list.past", -left);
        return new String[] {String.valueOf(no), r.nama(), r.nik() == null ? "-" : r.nik(), r.noKk(),
                r.rt() + "/" + r.rw(), r.urgentCategory() == null ? "-" : t(r.urgentCategory().key()),
                r.deletionDate() == null ? "-" : DateText.format(r.deletionDate()),
                r.deadline() == null ? "-" : DateText.format(r.deadline()), sisa, t(r.status().key())};
    }

    private void signature(PDPageContentStream cs, PDRectangle size, float y, Heading h) throws IOException {
        float right = size.getWidth() - MARGIN - 220;
        text(cs, regular, 10, MARGIN, y, t("request.pdf.preparedBy"));
        text(cs, regular, 10, right, y, h.namaDesa() + ", " + DateText.format(h.today()));
        text(cs, regular, 10, right, y - 13, t("request.pdf.head"));
        text(cs, regular, 10, MARGIN, y - 75, "( " + h.namaOperator() + " )");
        text(cs, regular, 10, right, y - 75, h.signatory().isEmpty()
                ? "( ..................................................... )" : "( " + h.signatory() + " )");
        text(cs, regular, 8, right, y - 88, t("request.pdf.stamp"));
    }

    private void row(PDPageContentStream cs, PDFont font, float y, String[] cells) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            text(cs, font, 8.5f, x, y, fit(font, 8.5f, cells[i], WIDTHS[i] - 4));
            x += WIDTHS[i];
        }
    }

    private void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        PdfText.text(cs, font, size, x, y, s);
    }

    private static String encodable(PDFont font, String s) {
        return PdfText.encodable(font, s);
    }

    private static String fit(PDFont font, float size, String s, float width) throws IOException {
        return PdfText.fit(font, size, s, width);
    }

    private String t(String key) {
        return messages.get(key);
    }

    /**
     * The office as a letter names it: "Kantor Kelurahan Pakansari", not "Kantor Kelurahan Pakansari -
     * Pakansari" when the office's name already says the village.
     */
    static String office(String kantor, String desa) {
        String k = kantor == null ? "" : kantor.strip();
        String d = desa == null ? "" : desa.strip();
        if (d.isEmpty() || k.toLowerCase(java.util.Locale.ROOT).contains(d.toLowerCase(java.util.Locale.ROOT))) {
            return k;
        }
        return k.isEmpty() ? d : k + " " + d;
    }
}
