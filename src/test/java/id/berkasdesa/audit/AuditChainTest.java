package id.berkasdesa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The hash chain on its own: intact as written; any edit, deletion, insertion or swap breaks it there. */
class AuditChainTest {

    record Work(String operator, String action, String entity, List<String> fields) {
    }

    @Provide
    Arbitrary<List<Work>> works() {
        Arbitrary<Work> one = Combinators.combine(Arbitraries.of("Rina", "Budi", "Ŝiti", "-"),
                Arbitraries.of("household.save", "document.attach", "request.status", "bundle.export"),
                Arbitraries.of("household", "request", "document", ""),
                Arbitraries.of("nik", "nama", "status", "alamat|rt", "a,b").list().ofMaxSize(3)).as(Work::new);
        return one.list().ofMinSize(2).ofMaxSize(30);
    }

    static List<AuditEntry> chain(List<Work> works) {
        List<AuditEntry> out = new ArrayList<>();
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        for (Work w : works) {
            out.add(AuditChain.next(out.isEmpty() ? null : out.get(out.size() - 1), t, w.operator(), w.action(),
                    w.entity(), java.util.UUID.nameUUIDFromBytes(w.toString().getBytes()).toString(), w.fields()));
            t = t.plusSeconds(7);
        }
        return out;
    }

    @Property
    void aChainAsWrittenIsIntactAndEndsAtItsHead(@ForAll("works") List<Work> works) {
        List<AuditEntry> c = chain(works);
        AuditChain.Verdict v = AuditChain.verify(c);
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(c.size());
        assertThat(v.head()).isEqualTo(c.get(c.size() - 1));
        assertThat(v.clockBack()).isEmpty();
    }

    @Property
    void editingAnyFieldOfAnyEntryBreaksTheChainAtThatEntry(@ForAll("works") List<Work> works,
            @ForAll @IntRange(min = 0, max = 29) int at, @ForAll @IntRange(min = 0, max = 4) int field) {
        List<AuditEntry> c = new ArrayList<>(chain(works));
        int i = at % c.size();
        AuditEntry e = c.get(i);
        AuditEntry edited = switch (field) {
            case 0 -> new AuditEntry(e.seq(), e.at(), e.operator() + "x", e.action(), e.entity(), e.entityId(), e.fields(), e.prev(), e.hash());
            case 1 -> new AuditEntry(e.seq(), "2026-12-01T01:00:00.000Z", e.operator(), e.action(), e.entity(), e.entityId(), e.fields(), e.prev(), e.hash());
            case 2 -> new AuditEntry(e.seq(), e.at(), e.operator(), "household.delete", e.entity(), e.entityId(), e.fields(), e.prev(), e.hash());
            case 3 -> new AuditEntry(e.seq(), e.at(), e.operator(), e.action(), e.entity(), "other", e.fields(), e.prev(), e.hash());
            default -> new AuditEntry(e.seq(), e.at(), e.operator(), e.action(), e.entity(), e.entityId(), List.of("nothing"), e.prev(), e.hash());
        };
        c.set(i, edited);
        assertThat(AuditChain.verify(c).broken()).get().extracting(AuditChain.Broken::seq).isEqualTo(e.seq());
    }

    @Property
    void deletingInsertingOrSwappingEntriesBreaksTheChain(@ForAll("works") List<Work> works,
            @ForAll @IntRange(min = 0, max = 28) int at, @ForAll @IntRange(min = 0, max = 2) int how) {
        List<AuditEntry> c = new ArrayList<>(chain(works));
        int i = at % (c.size() - 1);
        switch (how) {
            case 0 -> c.remove(i);
            case 1 -> c.add(i + 1, AuditChain.next(c.get(i), Instant.parse("2026-12-01T03:00:00Z"), "Penyusup",
                    "household.save", "household", "x", List.of("nik")));
            default -> {
                AuditEntry a = c.get(i);
                c.set(i, c.get(i + 1));
                c.set(i + 1, a);
            }
        }
        if (how == 0 && i == c.size()) {
            return; // the last entry cut off: only the head in a bundle shows that
        }
        assertThat(AuditChain.verify(c).intact()).isFalse();
    }

    @Property(tries = 50)
    void aClockSetBackIsShownButDoesNotBreakTheChain(@ForAll("works") List<Work> works) {
        List<AuditEntry> c = chain(works);
        AuditEntry late = AuditChain.next(c.get(c.size() - 1), Instant.parse("2026-11-01T00:00:00Z"), "Rina",
                "household.save", "household", "x", List.of());
        List<AuditEntry> all = new ArrayList<>(c);
        all.add(late);
        AuditChain.Verdict v = AuditChain.verify(all);
        assertThat(v.intact()).isTrue();
        assertThat(v.clockBack()).containsExactly(late.seq());
    }

    @Property(tries = 200)
    void aJsonLineReadsBackAsTheSameEntry(@ForAll("works") List<Work> works) {
        for (AuditEntry e : chain(works)) {
            assertThat(AuditService.parse(AuditService.jsonLine(e))).contains(e);
        }
    }
}
