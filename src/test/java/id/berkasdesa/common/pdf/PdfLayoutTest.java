package id.berkasdesa.common.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The one layout every printable uses, read back from the PDF it writes. */
class PdfLayoutTest {

    @Test
    void aLongTableFlowsOverPagesWithItsHeaderAndTheTitleOnEachAndEveryPageNumbered() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfLayout pdf = new PdfLayout(PdfLayout.landscape(), 36, "DATA CONTOH")) {
            pdf.letterhead(List.of("PEMERINTAH KABUPATEN BOGOR", "KANTOR DESA PONDOK RAJEG", "Jl. Raya No. 1"));
            Runnable top = () -> {
                try {
                    pdf.line(pdf.bold(), 13, "Daftar usulan");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            top.run();
            pdf.onEveryPage(top);
            pdf.paragraph(pdf.regular(), 10, "Bersama ini kami sampaikan usulan reaktivasi PBI-JK warga kami. ".repeat(12));
            List<PdfLayout.Row> rows = new ArrayList<>();
            for (int i = 1; i <= 90; i++) {
                rows.add(new PdfLayout.Row(List.of(String.valueOf(i), "Ŝ. Ñurhayati Ä. " + i), i % 10 == 0));
            }
            pdf.table(new float[] {40, 300}, List.of("No", "Nama"), rows, 8.5f);
            pdf.signatures(List.of(new PdfLayout.Signature(List.of("Disiapkan oleh,"), "( Ani )", null),
                    new PdfLayout.Signature(List.of("Pondok Rajeg, 06-12-2026", "Kepala Desa,"), "( H. Sukarna )", "cap")));
            pdf.save(out, (page, pages) -> "Halaman " + page + " dari " + pages);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            PDFTextStripper strip = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                strip.setStartPage(p);
                strip.setEndPage(p);
                String text = strip.getText(doc);
                assertThat(text).contains("Daftar usulan", "Halaman " + p + " dari " + pages);
                if (p < pages) {
                    assertThat(text).contains("No", "Nama");
                }
            }
            String all = new PDFTextStripper().getText(doc);
            assertThat(all).contains("KANTOR DESA PONDOK RAJEG", "Ŝ. Ñurhayati Ä. 90", "( H. Sukarna )").doesNotContain("?");
            // the paragraph wrapped instead of running off the page: its sentence is on several lines
            assertThat(all.lines().filter(l -> l.contains("Bersama ini")).count()).isGreaterThan(1);
            // the signature block is whole on one page: the head's name is on the last page with its place and date
            strip.setStartPage(pages);
            strip.setEndPage(pages);
            assertThat(strip.getText(doc)).contains("Kepala Desa,", "( H. Sukarna )");
        }
    }
}
