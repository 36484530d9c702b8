package id.berkasdesa.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which documents are present, missing or expired for a member (own documents plus the household's)
 * or for a household, against the village's requirement preset.
 */
public record Checklist(RequirementPreset preset, List<Item> items) {

    public enum State { PRESENT, MISSING, EXPIRED }

    /** @param validUntil of the newest letter of this kind, when it expires; else null */
    public record Item(DocumentKind kind, boolean required, State state, LocalDate validUntil) {
    }

    public Checklist {
        items = List.copyOf(items);
    }

    /** Every required document present and not expired. */
    public boolean complete() {
        return items.stream().filter(Item::required).allMatch(i -> i.state() == State.PRESENT);
    }

    public long requiredPresent() {
        return items.stream().filter(i -> i.required() && i.state() == State.PRESENT).count();
    }

    public long requiredCount() {
        return items.stream().filter(Item::required).count();
    }

    /** A member's checklist: KTP and faskes letter of their own, KK of the household, SKTM of either. */
    public static Checklist forMember(DocumentSettings settings, UUID memberId, List<Document> householdDocuments,
            LocalDate today) {
        List<Document> applicable = householdDocuments.stream().filter(d -> d.appliesTo(memberId)).toList();
        return of(settings, RequirementPreset.CHECKED, applicable, today);
    }

    /** The household's own documents: KK and a household SKTM. */
    public static Checklist forHousehold(DocumentSettings settings, List<Document> householdDocuments, LocalDate today) {
        List<Document> own = householdDocuments.stream().filter(Document::forHousehold).toList();
        return of(settings, List.of(DocumentKind.KK, DocumentKind.SKTM), own, today);
    }

    private static Checklist of(DocumentSettings settings, List<DocumentKind> kinds, List<Document> documents,
            LocalDate today) {
        List<Item> items = new ArrayList<>();
        for (DocumentKind kind : kinds) {
            List<Document> ofKind = documents.stream().filter(d -> d.kind() == kind).toList();
            LocalDate newest = ofKind.stream().map(d -> d.validUntil(settings.expiryMonths()))
                    .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
            State state = ofKind.isEmpty() ? State.MISSING
                    : ofKind.stream().anyMatch(d -> !d.expired(today, settings.expiryMonths())) ? State.PRESENT
                    : State.EXPIRED;
            items.add(new Item(kind, settings.preset().requires(kind), state, newest));
        }
        return new Checklist(settings.preset(), items);
    }
}
