package id.berkasdesa.request;

import id.berkasdesa.common.Keyed;

/** Who uploads the request: the village operator to SIKS-NG, or the Dinas Sosial directly. */
public enum Route implements Keyed {
    DESA, DINSOS;

    @Override
    public String key() {
        return "request.route." + name();
    }
}
