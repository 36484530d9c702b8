package id.berkasdesa.document;

import id.berkasdesa.common.Keyed;
import java.util.List;
import java.util.Set;

/**
 * Which documents a reactivation request needs: policy, which differs by district and changes by
 * regulation, so it is a setting chosen once per village among named presets.
 */
public enum RequirementPreset implements Keyed {
    /** What many Dinas Sosial still ask: KTP, KK, the faskes letter and an SKTM. */
    DINSOS_LENGKAP(Set.of(DocumentKind.KTP, DocumentKind.KK, DocumentKind.SKTM, DocumentKind.FASKES)),
    /** The central guidance of February 2026: only the faskes letter is mandatory, the SKTM optional. */
    PUSAT_2026(Set.of(DocumentKind.FASKES));

    /** The kinds a checklist shows, in this order; those not required are shown as optional. */
    public static final List<DocumentKind> CHECKED = List.of(DocumentKind.KTP, DocumentKind.KK, DocumentKind.SKTM,
            DocumentKind.FASKES);

    private final Set<DocumentKind> required;

    RequirementPreset(Set<DocumentKind> required) {
        this.required = required;
    }

    public boolean requires(DocumentKind kind) {
        return required.contains(kind);
    }

    @Override
    public String key() {
        return "document.preset." + name();
    }
}
