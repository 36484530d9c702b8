package id.berkasdesa.adminduk;

/** Jenis kelamin as Dukcapil records it. */
public enum Sex {
    L(1),
    P(2);

    private final int code;

    Sex(int code) {
        this.code = code;
    }

    /** The Dukcapil code: 1 laki-laki, 2 perempuan. */
    public int code() {
        return code;
    }

    public static Sex ofCode(int code) {
        return code == 2 ? P : L;
    }
}
