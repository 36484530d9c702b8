package id.berkasdesa.request;

import id.berkasdesa.common.Keyed;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands. {@link #DRAF} and {@link #SIAP_KIRIM} are decided by the rules (a draft is
 * ready when every blocking rule passes); every later status is set by the operator, by a bundle
 * (Terkirim) or by the Dinas Sosial's response (Disetujui, Ditolak, Perlu perbaikan).
 */
public enum RequestStatus implements Keyed {
    DRAF, SIAP_KIRIM, TERKIRIM, PERLU_PERBAIKAN, DISETUJUI, DITOLAK, AKTIF_KEMBALI, GAGAL;

    /** Still being prepared: the rules decide between draft and ready. */
    public boolean preparing() {
        return this == DRAF || this == SIAP_KIRIM;
    }

    /** Not yet ended: counts as "another open request" for the same NIK. */
    public boolean open() {
        return this != DITOLAK && this != AKTIF_KEMBALI && this != GAGAL;
    }

    /** The statuses the operator may set from this one. */
    public Set<RequestStatus> next() {
        return switch (this) {
            case DRAF -> EnumSet.noneOf(RequestStatus.class);
            case SIAP_KIRIM -> EnumSet.of(TERKIRIM);
            case TERKIRIM -> EnumSet.of(DISETUJUI, DITOLAK, PERLU_PERBAIKAN);
            // back to being prepared: the rules then say Draf or Siap kirim
            case PERLU_PERBAIKAN -> EnumSet.of(DRAF);
            case DISETUJUI -> EnumSet.of(AKTIF_KEMBALI, GAGAL);
            case DITOLAK, AKTIF_KEMBALI, GAGAL -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    /** A change to this status needs a written reason (a refusal, what to correct, a failure). */
    public boolean needsReason() {
        return this == DITOLAK || this == GAGAL || this == PERLU_PERBAIKAN;
    }

    @Override
    public String key() {
        return "request.status." + name();
    }
}
