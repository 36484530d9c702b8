package id.berkasdesa.request;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Messages;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The cover letter and the request list: the office named once, and every name printed as typed. */
class RequestListPdfTest {

    @Test
    void theOfficeIsNamedOnceWhetherOrNotItsNameSaysTheVillage() {
        assertThat(RequestListPdf.office("Kantor Kelurahan Pakansari", "Pakansari")).isEqualTo("Kantor Kelurahan Pakansari");
        assertThat(RequestListPdf.office("KANTOR DESA PONDOK RAJEG", "Pondok Rajeg")).isEqualTo("KANTOR DESA PONDOK RAJEG");
        assertThat(RequestListPdf.office("Kantor Desa", "Pondok Rajeg")).isEqualTo("Kantor Desa Pondok Rajeg");
        assertThat(RequestListPdf.office("", "Pondok Rajeg")).isEqualTo("Pondok Rajeg");
    }

    @Test
    void aNameOutsideWinAnsiPrintsAsTypedNeverAsQuestionMarks() throws Exception {
        String signatory = "Ŝ. Ñurhayati Ä. Đặng";
        RequestListPdf.Heading heading = new RequestListPdf.Heading("Cikaret Şari", "Kantor Desa", "Ŝiti Ωperator",
                signatory, "", LocalDate.of(2026, 12, 6), "Daftar usulan", List.of(), List.of(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestListPdf(Messages.indonesian()).write(List.of(), heading, out);
        try (var doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(signatory, "Cikaret Şari").doesNotContain("?");
        }
    }
}
