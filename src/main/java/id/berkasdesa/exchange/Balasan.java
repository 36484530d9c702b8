package id.berkasdesa.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code data/balasan.json} of the Dinas Sosial's answer bag (docs/paket.md): for one village, a
 * decision per request, with its reason and, when there is one, the letter under {@code data/surat/}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Balasan(String schema, int versi, String kodeDesa, String tanggal, List<Keputusan> keputusan) {

    public static final String SCHEMA = "berkas-desa/balasan";
    public static final int VERSION = 1;
    public static final String PATH = "data/balasan.json";

    public Balasan {
        keputusan = keputusan == null ? null : List.copyOf(keputusan);
    }

    /** One decision: the request's id, DISETUJUI / DITOLAK / PERLU_PERBAIKAN, the reason, the letter. */
    public record Keputusan(String idUsulan, String keputusan, String alasan, String kodeAlasan, String surat, String nama,
            String nik) {
    }
}
