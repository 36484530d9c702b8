package id.berkasdesa.village;

/**
 * The village this installation serves, chosen at first run.
 *
 * @param kodeDesa dotted Kemendagri code {@code PP.KK.CC.DDDD}
 * @param sample true for the synthetic "Desa Contoh" of "Coba dengan data contoh"
 */
public record VillageProfile(String kodeDesa, String namaDesa, String namaKantor, String namaOperator,
        boolean sample) {

    /** The kecamatan part of the code, {@code PP.KK.CC}. */
    public String kodeKecamatan() {
        return kodeDesa.substring(0, 8);
    }
}
