package id.berkasdesa.exchange;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code data/paket.json} of a village's bundle (docs/paket.md): the bundle, the village, each request
 * with its documents, and the households and members concerned. Written by the village, read by
 * {@code verify} and by the district.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Paket(String schema, int versi, Info paket, Boolean contoh, Desa desa, List<Usulan> usulan,
        List<Map<String, String>> keluarga, List<Map<String, String>> anggota) {

    public static final String SCHEMA = "berkas-desa/paket";
    public static final int VERSION = 1;
    public static final String PATH = "data/paket.json";

    public Paket {
        usulan = usulan == null ? List.of() : usulan;
        keluarga = keluarga == null ? List.of() : keluarga;
        anggota = anggota == null ? List.of() : anggota;
    }

    /** The bundle itself, and the village's audit head when it was made. */
    public record Info(String id, String nama, String dibuat, String aplikasi, RekamJejak rekamJejak) {
    }

    /** {@code Audit-Head} as JSON: the trail's last sequence number and its hash. */
    public record RekamJejak(long seq, String hash) {
    }

    /** The sending village. */
    public record Desa(String kode, String nama, String kantor, String operator, String kecamatan, String kabupatenKota,
            String provinsi) {
    }

    /** One document of a request, as its file in the bag. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Dokumen(String jenis, String berkas, String tanggal, String faskes, String diagnosis, Integer halaman,
            Long ukuran) {
    }

    /**
     * One request: the columns of the request list (by their Indonesian names, as the xlsx has them)
     * and its documents.
     */
    public static final class Usulan {
        private final Map<String, String> kolom = new LinkedHashMap<>();
        private List<Dokumen> dokumen = List.of();

        public Usulan() {
        }

        public Usulan(Map<String, String> kolom, List<Dokumen> dokumen) {
            this.kolom.putAll(kolom);
            this.dokumen = List.copyOf(dokumen);
        }

        @JsonAnyGetter
        public Map<String, String> kolom() {
            return kolom;
        }

        @JsonAnySetter
        void kolom(String name, Object value) {
            kolom.put(name, value == null ? null : String.valueOf(value));
        }

        public List<Dokumen> getDokumen() {
            return dokumen;
        }

        public void setDokumen(List<Dokumen> dokumen) {
            this.dokumen = dokumen == null ? List.of() : dokumen;
        }
    }

    /** How many documents all the requests carry. */
    public int documents() {
        return usulan.stream().mapToInt(u -> u.getDokumen().size()).sum();
    }
}
