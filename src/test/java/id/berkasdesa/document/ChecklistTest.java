package id.berkasdesa.document;

import id.berkasdesa.files.FileType;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.document.Checklist.State;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final UUID HOUSEHOLD = UUID.randomUUID();
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final DocumentSettings LENGKAP = DocumentSettings.DEFAULTS;
    static final DocumentSettings PUSAT = new DocumentSettings(RequirementPreset.PUSAT_2026, 1_000_000, 6);

    static Document doc(DocumentKind kind, UUID member, LocalDate date) {
        return new Document(UUID.randomUUID(), HOUSEHOLD, member, kind, null, date, null, null, 0, "0".repeat(64),
                FileType.JPEG, 1, 1, false, 1, 1);
    }

    static Map<DocumentKind, State> states(Checklist c) {
        return c.items().stream().collect(Collectors.toMap(Checklist.Item::kind, Checklist.Item::state));
    }

    @Test
    void everyCombinationOfMissingDocumentsUnderBothPresets() {
        List<DocumentKind> kinds = RequirementPreset.CHECKED;
        for (int mask = 0; mask < 16; mask++) {
            List<Document> docs = new ArrayList<>();
            Set<DocumentKind> present = EnumSet.noneOf(DocumentKind.class);
            for (int i = 0; i < 4; i++) {
                if ((mask & (1 << i)) != 0) {
                    DocumentKind k = kinds.get(i);
                    present.add(k);
                    docs.add(doc(k, k == DocumentKind.KK ? null : MEMBER, TODAY.minusDays(3)));
                }
            }
            Checklist lengkap = Checklist.forMember(LENGKAP, MEMBER, docs, TODAY);
            Checklist pusat = Checklist.forMember(PUSAT, MEMBER, docs, TODAY);
            assertThat(lengkap.complete()).as("lengkap %s", present).isEqualTo(present.size() == 4);
            assertThat(pusat.complete()).as("pusat %s", present).isEqualTo(present.contains(DocumentKind.FASKES));
            assertThat(lengkap.requiredPresent()).isEqualTo(present.size());
            for (DocumentKind k : kinds) {
                assertThat(states(lengkap).get(k)).isEqualTo(present.contains(k) ? State.PRESENT : State.MISSING);
            }
        }
    }

    @Test
    void lettersExpireTheDayAfterTheirMonthsAreUp() {
        record Case(LocalDate letter, State expected) {
        }
        for (Case c : List.of(
                new Case(TODAY.minusMonths(6), State.PRESENT),
                new Case(TODAY.minusMonths(6).minusDays(1), State.EXPIRED),
                new Case(TODAY.minusMonths(5), State.PRESENT),
                // 31 May + 6 months = 30 November (no 31st): valid through that day
                new Case(LocalDate.of(2026, 5, 31), State.PRESENT))) {
            Checklist list = Checklist.forMember(LENGKAP, MEMBER, List.of(doc(DocumentKind.SKTM, MEMBER, c.letter())), TODAY);
            assertThat(states(list).get(DocumentKind.SKTM)).as("letter of %s", c.letter()).isEqualTo(c.expected());
        }
        Checklist endOfMonth = Checklist.forMember(LENGKAP, MEMBER,
                List.of(doc(DocumentKind.FASKES, MEMBER, LocalDate.of(2026, 5, 31))), LocalDate.of(2026, 12, 1));
        assertThat(states(endOfMonth).get(DocumentKind.FASKES)).isEqualTo(State.EXPIRED);
    }

    @Test
    void aKtpOrKkNeverExpires() {
        List<Document> old = List.of(doc(DocumentKind.KTP, MEMBER, TODAY.minusYears(10)), doc(DocumentKind.KK, null, TODAY.minusYears(8)));
        Map<DocumentKind, State> s = states(Checklist.forMember(LENGKAP, MEMBER, old, TODAY));
        assertThat(s.get(DocumentKind.KTP)).isEqualTo(State.PRESENT);
        assertThat(s.get(DocumentKind.KK)).isEqualTo(State.PRESENT);
    }

    @Test
    void oneValidLetterIsEnoughEvenBesideAnExpiredOne() {
        List<Document> docs = List.of(doc(DocumentKind.SKTM, MEMBER, TODAY.minusYears(1)), doc(DocumentKind.SKTM, null, TODAY));
        assertThat(states(Checklist.forMember(LENGKAP, MEMBER, docs, TODAY)).get(DocumentKind.SKTM)).isEqualTo(State.PRESENT);
    }

    @Test
    void anotherMembersDocumentsDoNotCountButTheHouseholdsDo() {
        List<Document> docs = List.of(doc(DocumentKind.KTP, OTHER, TODAY), doc(DocumentKind.FASKES, OTHER, TODAY),
                doc(DocumentKind.SKTM, null, TODAY), doc(DocumentKind.KK, null, TODAY));
        Map<DocumentKind, State> s = states(Checklist.forMember(LENGKAP, MEMBER, docs, TODAY));
        assertThat(s).isEqualTo(Map.of(DocumentKind.KTP, State.MISSING, DocumentKind.FASKES, State.MISSING,
                DocumentKind.SKTM, State.PRESENT, DocumentKind.KK, State.PRESENT));
        Checklist household = Checklist.forHousehold(LENGKAP, docs, TODAY);
        assertThat(household.items()).extracting(Checklist.Item::kind).containsExactly(DocumentKind.KK, DocumentKind.SKTM);
        assertThat(household.complete()).isTrue();
    }

    @Test
    void underTheCentralGuidanceOnlyTheFaskesLetterIsRequired() {
        Checklist c = Checklist.forMember(PUSAT, MEMBER, List.of(), TODAY);
        assertThat(c.items()).filteredOn(Checklist.Item::required).extracting(Checklist.Item::kind)
                .containsExactly(DocumentKind.FASKES);
        assertThat(c.items()).extracting(Checklist.Item::kind).contains(DocumentKind.SKTM);
    }
}
