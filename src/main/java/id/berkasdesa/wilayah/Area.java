package id.berkasdesa.wilayah;

/**
 * One administrative area of the Kemendagri codes.
 *
 * @param code dotted code: {@code PP}, {@code PP.KK}, {@code PP.KK.CC} or {@code PP.KK.CC.DDDD}
 * @param parentCode the code of the area it belongs to, "" for a province
 */
public record Area(Level level, String code, String parentCode, String name) {

    public enum Level {
        PROVINSI,
        KABUPATEN_KOTA,
        KECAMATAN,
        DESA_KELURAHAN
    }

    /** The code without dots, as it stands at the start of a NIK or No. KK. */
    public String digits() {
        return code.replace(".", "");
    }
}
