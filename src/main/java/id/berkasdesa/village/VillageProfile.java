package id.berkasdesa.village;

/**
 * The village this installation serves, chosen at first run.
 *
 * @param kodeDesa dotted Kemendagri code {@code PP.KK.CC.DDDD}
 * @param namaOperator the name the setup asked for; who acts is the session's, not this
 * @param sample true for the synthetic "Desa Contoh" of "Coba dengan data contoh"
 * @param namaKepalaDesa the village head who signs the cover letter and the printed list; "" until set
 */
public record VillageProfile(String kodeDesa, String namaDesa, String namaKantor, String namaOperator,
        boolean sample, String namaKepalaDesa) {

    public VillageProfile {
        namaKepalaDesa = namaKepalaDesa == null ? "" : namaKepalaDesa.strip();
    }

    /** A village whose head is not named yet. */
    public VillageProfile(String kodeDesa, String namaDesa, String namaKantor, String namaOperator, boolean sample) {
        this(kodeDesa, namaDesa, namaKantor, namaOperator, sample, "");
    }

    /** The code without dots ({@code 3201011001}), as bundles and backups are named. */
    public String kodeDesaDigits() {
        return kodeDesa.replace(".", "");
    }

    /** The kecamatan part of the code, {@code PP.KK.CC}. */
    public String kodeKecamatan() {
        return kodeDesa.substring(0, 8);
    }

    /** "Desa — Kantor": how a key file, a backup's manifest and the account lists name the village. */
    public String nameAndOffice() {
        return namaDesa + " — " + namaKantor;
    }
}
