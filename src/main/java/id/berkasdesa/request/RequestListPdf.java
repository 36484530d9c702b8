package id.berkasdesa.request;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.pdf.PdfLayout;
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
    private static final float[] WIDTHS = {22, 120, 100, 100, 50, 92, 70, 60, 56, 100};

    private final Messages messages;

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
        List<String> headers = List.of("No", t("request.pdf.col.nama"), t("request.pdf.col.nik"), t("request.pdf.col.kk"),
                t("request.pdf.col.rtrw"), t("request.pdf.col.kategori"), t("request.pdf.col.nonaktif"),
                t("request.pdf.col.batas"), t("request.pdf.col.sisa"), t("request.pdf.col.status"));
        try (PdfLayout pdf = new PdfLayout(PdfLayout.landscape(), MARGIN, heading.watermark())) {
            if (!heading.letterhead().isEmpty()) {
                pdf.letterhead(heading.letterhead());
            }
            Runnable top = () -> {
                try {
                    pdf.line(pdf.bold(), 13, heading.title() == null ? t("request.pdf.title") : heading.title());
                    pdf.line(pdf.regular(), 10, office(heading.namaKantor(), heading.namaDesa()));
                    pdf.line(pdf.regular(), 9, messages.get("request.pdf.subtitle", DateText.format(heading.today()),
                            ordered.size(), heading.filter()));
                    pdf.space(6);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            top.run();
            pdf.onEveryPage(top);
            for (String line : heading.intro()) {
                pdf.paragraph(pdf.regular(), 10, line);
            }
            pdf.space(8);
            List<PdfLayout.Row> table = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                RequestSummary r = ordered.get(i);
                table.add(new PdfLayout.Row(List.of(cells(i + 1, r, heading.today())), r.urgent()));
            }
            pdf.table(WIDTHS, headers, table, 8.5f);
            pdf.space(14);
            pdf.signatures(List.of(
                    new PdfLayout.Signature(List.of(t("request.pdf.preparedBy")), "( " + heading.namaOperator() + " )", null),
                    new PdfLayout.Signature(List.of(heading.namaDesa() + ", " + DateText.format(heading.today()),
                            t("request.pdf.head")), heading.signatory().isEmpty()
                            ? "( ..................................................... )" : "( " + heading.signatory() + " )",
                            t("request.pdf.stamp"))));
            pdf.save(out, (page, pages) -> messages.get("request.pdf.page", page, pages));
        }
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
