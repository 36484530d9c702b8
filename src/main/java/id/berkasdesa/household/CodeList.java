package id.berkasdesa.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The Dukcapil code lists of the Kartu Keluarga form. The labels are the official Indonesian ones
 * (they must match SIKS-NG and Dukcapil printouts word for word), kept in the resource bundle
 * {@code i18n/codes.properties} as {@code <list>.<code>}; the database stores the numeric code.
 */
public enum CodeList {
    AGAMA("agama"),
    PENDIDIKAN("pendidikan"),
    PEKERJAAN("pekerjaan"),
    STATUS_PERKAWINAN("kawin"),
    SHDK("shdk"),
    KEWARGANEGARAAN("wn");

    /** SHDK code of the Kepala Keluarga. */
    public static final int KEPALA_KELUARGA = 1;
    public static final int SHDK_SUAMI = 2;
    public static final int SHDK_ISTRI = 3;
    public static final int SHDK_ANAK = 4;
    public static final int WNI = 1;

    public record Code(int code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final String prefix;
    private final List<Code> codes;

    CodeList(String prefix) {
        this.prefix = prefix;
        ResourceBundle labels = ResourceBundle.getBundle("i18n.codes");
        List<Code> list = new ArrayList<>();
        for (int i = 1; i < 100; i++) {
            String key = prefix + "." + i;
            if (labels.containsKey(key)) {
                list.add(new Code(i, labels.getString(key)));
            }
        }
        this.codes = List.copyOf(list);
    }

    public List<Code> codes() {
        return codes;
    }

    public Optional<Code> find(Integer code) {
        if (code == null) {
            return Optional.empty();
        }
        return codes.stream().filter(c -> c.code() == code).findFirst();
    }

    public String label(Integer code) {
        return find(code).map(Code::label).orElse("");
    }

    public String prefix() {
        return prefix;
    }
}
