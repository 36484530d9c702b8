package id.berkasdesa.bundle;

import id.berkasdesa.request.RequestStatus;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Dinas Sosial's answer on one request, as written in "Keputusan" or in balasan.json. */
enum Decision {
    DISETUJUI("Disetujui", RequestStatus.DISETUJUI),
    DITOLAK("Ditolak", RequestStatus.DITOLAK),
    PERLU_PERBAIKAN("Perlu perbaikan", RequestStatus.PERLU_PERBAIKAN);

    private final String label;
    private final RequestStatus status;

    Decision(String label, RequestStatus status) {
        this.label = label;
        this.status = status;
    }

    String label() {
        return label;
    }

    RequestStatus status() {
        return status;
    }

    static List<String> labels() {
        return List.of(DISETUJUI.label, DITOLAK.label, PERLU_PERBAIKAN.label);
    }

    /**
     * What an officer typed: the three labels in any case and spacing, the JSON names, and the short
     * forms officers write (setuju, tolak, perbaikan). Empty for anything else.
     */
    static Optional<Decision> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_]+", " ");
        return switch (t) {
            case "disetujui", "setuju", "diterima" -> Optional.of(DISETUJUI);
            case "ditolak", "tolak" -> Optional.of(DITOLAK);
            case "perlu perbaikan", "perbaikan", "perlu diperbaiki", "diperbaiki" -> Optional.of(PERLU_PERBAIKAN);
            default -> Optional.empty();
        };
    }
}
