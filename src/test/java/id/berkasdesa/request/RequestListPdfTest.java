package id.berkasdesa.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cover letter names the office once, however the village set its name up. */
class RequestListPdfTest {

    @Test
    void theOfficeIsNamedOnceWhetherOrNotItsNameSaysTheVillage() {
        assertThat(RequestListPdf.office("Kantor Kelurahan Pakansari", "Pakansari")).isEqualTo("Kantor Kelurahan Pakansari");
        assertThat(RequestListPdf.office("KANTOR DESA PONDOK RAJEG", "Pondok Rajeg")).isEqualTo("KANTOR DESA PONDOK RAJEG");
        assertThat(RequestListPdf.office("Kantor Desa", "Pondok Rajeg")).isEqualTo("Kantor Desa Pondok Rajeg");
        assertThat(RequestListPdf.office("", "Pondok Rajeg")).isEqualTo("Pondok Rajeg");
    }
}
