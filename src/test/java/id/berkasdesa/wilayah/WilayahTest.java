package id.berkasdesa.wilayah;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WilayahTest {

    private static final Wilayah W = Wilayah.load();

    @Test
    void aVillageIsFoundByCodeWithItsPathUpToTheProvince() {
        assertThat(W.find("32.01.01.1001")).map(Area::name).contains("Pondok Rajeg");
        assertThat(W.pathTo("32.01.01.1001")).extracting(Area::code)
                .containsExactly("32", "32.01", "32.01.01", "32.01.01.1001");
        assertThat(W.find("32.01.01.9999")).isEmpty();
    }

    @Test
    void aKecamatansChildrenAreItsVillagesAndNamesWithCommasSurviveTheCsv() {
        assertThat(W.childrenOf("32.01.01")).extracting(Area::code).contains("32.01.01.1001")
                .allMatch(c -> c.startsWith("32.01.01."));
        assertThat(W.find("12.07.28.1007")).map(Area::name).contains("Lubuk Pakam I,II");
        assertThat(W.searchVillages("pondok rajeg", 5)).extracting(Area::code).contains("32.01.01.1001");
    }
}
