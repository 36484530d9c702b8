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

    /** Read once per process: a command's warm-up, the sign-in's and the store's opening share one. */
    @Test
    void readOnceAndSharedByThreadsAskingAtOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Wilayah>> asked = pool.invokeAll(
                    java.util.Collections.nCopies(4, (java.util.concurrent.Callable<Wilayah>) Wilayah::load));
            for (java.util.concurrent.Future<Wilayah> f : asked) {
                assertThat(f.get()).isSameAs(W);
            }
        } finally {
            pool.shutdown();
        }
    }
}
