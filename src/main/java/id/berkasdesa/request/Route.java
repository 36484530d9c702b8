package id.berkasdesa.request;

/** Who uploads the request: the village operator to SIKS-NG, or the Dinas Sosial directly. */
public enum Route {
    DESA, DINSOS;

    public String key() {
        return "request.route." + name();
    }
}
