package id.berkasdesa.request;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.document.Checklist;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.files.FileType;
import id.berkasdesa.document.RequirementPreset;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.adminduk.Sex;
import id.berkasdesa.request.Evaluation.Deadline;
import id.berkasdesa.request.RuleCheck.Outcome;
import id.berkasdesa.request.RuleCheck.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The request rules on their own, with the clock set by each case. */
class RequestRulesTest {

    static final UUID HOUSEHOLD = UUID.randomUUID();
    static final UUID MEMBER_ID = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final RequestRules RULES = new RequestRules(RequestPolicy.DEFAULTS);
    static final Member MEMBER = new Member(MEMBER_ID, "3201014506800001", false, "SITI AMINAH", Sex.P,
            "BOGOR", LocalDate.of(1980, 6, 5), 1, 4, 2, 2, 1, 1, "AYAH", "IBU", MemberStatus.AKTIF, null);

    static Document doc(DocumentKind kind, LocalDate date, Diagnosis diagnosis) {
        return new Document(UUID.randomUUID(), HOUSEHOLD, kind == DocumentKind.KK ? null : MEMBER_ID, kind, null, date,
                kind == DocumentKind.FASKES ? "RSUD" : null, diagnosis, 0, "0".repeat(64), FileType.JPEG, 1, 1, false,
                1, 1);
    }

    static List<Document> allDocuments(LocalDate date) {
        return List.of(doc(DocumentKind.KTP, date, null), doc(DocumentKind.KK, date, null),
                doc(DocumentKind.SKTM, date, null), doc(DocumentKind.FASKES, date, Diagnosis.KANKER));
    }

    static RequestForm form(LocalDate deletion, Diagnosis category) {
        return new RequestForm(TODAY.minusDays(1), CheckChannel.MOBILE_JKN, null, deletion, Route.DESA,
                "Kartu nonaktif saat berobat", category, true, true);
    }

    /** Everything in order except what the case changes. */
    static RequestFacts facts(RequestForm form, List<Document> docs, LocalDate today) {
        return facts(form, MEMBER, docs, Findings.NONE, 0, today, DocumentSettings.DEFAULTS);
    }

    static RequestFacts facts(RequestForm form, Member member, List<Document> docs, Findings household, int others,
            LocalDate today, DocumentSettings settings) {
        Checklist checklist = Checklist.forMember(settings, MEMBER_ID, docs, today);
        Set<Diagnosis> diagnoses = EnumSet.noneOf(Diagnosis.class);
        docs.stream().filter(d -> d.kind() == DocumentKind.FASKES && !d.expired(today, settings.expiryMonths()))
                .forEach(d -> diagnoses.add(d.diagnosis()));
        return new RequestFacts(form, member, household, checklist, diagnoses, others, today);
    }

    static List<RuleCheck> of(Evaluation e, Rule rule) {
        return e.checks().stream().filter(c -> c.rule() == rule).toList();
    }

    @Test
    void aCompleteRequestIsReady() {
        Evaluation e = RULES.evaluate(facts(form(TODAY.minusMonths(2), null), allDocuments(TODAY.minusDays(5)), TODAY));
        assertThat(e.blockers()).isEmpty();
        assertThat(e.preparedStatus()).isEqualTo(RequestStatus.SIAP_KIRIM);
        assertThat(e.urgent()).isFalse();
        assertThat(e.checks()).allMatch(c -> c.outcome() == Outcome.OK);
    }

    static Stream<Arguments> sixMonthBoundary() {
        return Stream.of(
                // deletion, today, deadline, days left, state, ready
                Arguments.of("2026-05-23", "2026-11-22", "2026-11-23", 1, Deadline.SOON, true),
                Arguments.of("2026-05-23", "2026-11-23", "2026-11-23", 0, Deadline.SOON, true),
                Arguments.of("2026-05-23", "2026-11-24", "2026-11-23", -1, Deadline.PASSED, false),
                // 31 August + 6 months is the last day of February (28 in 2027, 29 in a leap year)
                Arguments.of("2026-08-31", "2027-02-27", "2027-02-28", 1, Deadline.SOON, true),
                Arguments.of("2026-08-31", "2027-02-28", "2027-02-28", 0, Deadline.SOON, true),
                Arguments.of("2026-08-31", "2027-03-01", "2027-02-28", -1, Deadline.PASSED, false),
                Arguments.of("2027-08-31", "2028-02-29", "2028-02-29", 0, Deadline.SOON, true),
                Arguments.of("2027-08-31", "2028-03-01", "2028-02-29", -1, Deadline.PASSED, false),
                // 31 March + 6 months = 30 September (no 31st)
                Arguments.of("2026-03-31", "2026-09-30", "2026-09-30", 0, Deadline.SOON, true),
                Arguments.of("2026-03-31", "2026-10-01", "2026-09-30", -1, Deadline.PASSED, false),
                // the amber threshold: 30 days left is fine, 29 is amber
                Arguments.of("2026-06-01", "2026-11-01", "2026-12-01", 30, Deadline.OK, true),
                Arguments.of("2026-06-01", "2026-11-02", "2026-12-01", 29, Deadline.SOON, true),
                // deletion today: the whole window ahead
                Arguments.of("2026-11-23", "2026-11-23", "2027-05-23", 181, Deadline.OK, true));
    }

    @ParameterizedTest(name = "deleted {0}, today {1}: until {2}, {3} days, {4}")
    @MethodSource
    void sixMonthBoundary(String deletion, String today, String deadline, int daysLeft, Deadline state, boolean ready) {
        LocalDate t = LocalDate.parse(today);
        RequestForm f = new RequestForm(t, CheckChannel.PANDAWA, null, LocalDate.parse(deletion), Route.DESA, "x",
                null, true, true);
        Evaluation e = RULES.evaluate(facts(f, allDocuments(t.minusDays(1)), t));
        assertThat(e.deadline()).isEqualTo(LocalDate.parse(deadline));
        assertThat(e.daysLeft()).isEqualTo(daysLeft);
        assertThat(e.deadlineState()).isEqualTo(state);
        assertThat(e.ready()).isEqualTo(ready);
        // the checklist read as findings says the same: an error exactly where the request cannot go
        assertThat(e.findings().hasErrors()).isEqualTo(!ready);
        assertThat(e.findings().first(Rule.DEADLINE.field())).get().extracting(Finding::key)
                .isEqualTo(of(e, Rule.DEADLINE).get(0).key());
        RuleCheck check = of(e, Rule.DEADLINE).get(0);
        if (state == Deadline.PASSED) {
            assertThat(check.key()).isEqualTo("request.rule.deadline.passed"); // offers the new-registration route
            assertThat(check.blocks()).isTrue();
        } else {
            assertThat(check.blocks()).isFalse();
            assertThat(check.outcome()).isEqualTo(state == Deadline.SOON ? Outcome.WARN : Outcome.OK);
        }
    }

    @Test
    void aMissingOrFutureDeletionDateBlocks() {
        Evaluation unknown = RULES.evaluate(facts(form(null, null), allDocuments(TODAY), TODAY));
        assertThat(of(unknown, Rule.DEADLINE)).singleElement().satisfies(c -> {
            assertThat(c.blocks()).isTrue();
            assertThat(c.key()).isEqualTo("request.rule.deadline.unknown");
        });
        assertThat(unknown.deadlineState()).isEqualTo(Deadline.UNKNOWN);
        Evaluation future = RULES.evaluate(facts(form(TODAY.plusDays(1), null), allDocuments(TODAY), TODAY));
        assertThat(of(future, Rule.DEADLINE).get(0).key()).isEqualTo("request.rule.deadline.future");
        assertThat(future.ready()).isFalse();
    }

    @Test
    void theWindowIsASetting() {
        RequestPolicy three = new RequestPolicy(3, 30, RequestPolicy.DEFAULTS.urgentCategories(), 2,
                RequestPolicy.DEFAULTS.periodStarts());
        RequestFacts f = facts(form(LocalDate.of(2026, 7, 1), null), allDocuments(TODAY), TODAY);
        assertThat(RULES.evaluate(f).ready()).isTrue();
        Evaluation e = new RequestRules(three).evaluate(f);
        assertThat(e.deadline()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(e.ready()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Diagnosis.class, names = "LAINNYA", mode = EnumSource.Mode.EXCLUDE)
    void eachUrgentCategoryIsUrgentWhenItsLetterSupportsIt(Diagnosis category) {
        List<Document> withLetter = new ArrayList<>(allDocuments(TODAY).subList(0, 3));
        withLetter.add(doc(DocumentKind.FASKES, TODAY.minusDays(2), category));
        Evaluation supported = RULES.evaluate(facts(form(TODAY.minusMonths(1), category), withLetter, TODAY));
        assertThat(supported.urgent()).isTrue();
        assertThat(supported.ready()).isTrue();
        assertThat(of(supported, Rule.URGENT)).singleElement().extracting(RuleCheck::outcome).isEqualTo(Outcome.OK);

        // a letter with another diagnosis does not support the category
        Diagnosis other = category == Diagnosis.KANKER ? Diagnosis.JANTUNG : Diagnosis.KANKER;
        List<Document> wrongLetter = new ArrayList<>(allDocuments(TODAY).subList(0, 3));
        wrongLetter.add(doc(DocumentKind.FASKES, TODAY.minusDays(2), other));
        Evaluation unsupported = RULES.evaluate(facts(form(TODAY.minusMonths(1), category), wrongLetter, TODAY));
        assertThat(unsupported.urgent()).isTrue();
        assertThat(unsupported.ready()).isFalse();
        assertThat(of(unsupported, Rule.URGENT).get(0).key()).isEqualTo("request.rule.urgent.noLetter");

        // removed from the settings: no longer urgent, handled as a regular request
        Set<Diagnosis> without = EnumSet.copyOf(RequestPolicy.DEFAULTS.urgentCategories());
        without.remove(category);
        RequestPolicy policy = new RequestPolicy(6, 30, without, 2, RequestPolicy.DEFAULTS.periodStarts());
        Evaluation regular = new RequestRules(policy).evaluate(facts(form(TODAY.minusMonths(1), category), withLetter, TODAY));
        assertThat(regular.urgent()).isFalse();
        assertThat(regular.ready()).isTrue();
        assertThat(of(regular, Rule.URGENT).get(0).outcome()).isEqualTo(Outcome.WARN);
    }

    @Test
    void anExpiredLetterDoesNotSupportAnUrgentCategory() {
        LocalDate old = TODAY.minusMonths(7);
        List<Document> docs = List.of(doc(DocumentKind.KTP, old, null), doc(DocumentKind.KK, old, null),
                doc(DocumentKind.SKTM, TODAY, null), doc(DocumentKind.FASKES, old, Diagnosis.STROKE));
        Evaluation e = RULES.evaluate(facts(form(TODAY.minusMonths(1), Diagnosis.STROKE), docs, TODAY));
        assertThat(e.blockers()).extracting(RuleCheck::key)
                .containsExactlyInAnyOrder("request.rule.documents.expired", "request.rule.urgent.noLetter");
    }

    @Test
    void everyMissingDocumentCombinationUnderBothPresets() {
        List<DocumentKind> kinds = RequirementPreset.CHECKED;
        DocumentSettings pusat = new DocumentSettings(RequirementPreset.PUSAT_2026, 1_000_000, 6);
        for (int mask = 0; mask < 16; mask++) {
            List<Document> docs = new ArrayList<>();
            Set<DocumentKind> missing = EnumSet.noneOf(DocumentKind.class);
            for (int i = 0; i < kinds.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    docs.add(doc(kinds.get(i), TODAY.minusDays(3), Diagnosis.LAINNYA));
                } else {
                    missing.add(kinds.get(i));
                }
            }
            for (DocumentSettings settings : List.of(DocumentSettings.DEFAULTS, pusat)) {
                Evaluation e = RULES.evaluate(facts(form(TODAY.minusMonths(1), null), MEMBER, docs, Findings.NONE, 0,
                        TODAY, settings));
                Set<DocumentKind> blocked = EnumSet.noneOf(DocumentKind.class);
                of(e, Rule.DOCUMENTS).stream().filter(RuleCheck::blocks)
                        .forEach(c -> blocked.add((DocumentKind) c.args().get(0)));
                Set<DocumentKind> expected = EnumSet.noneOf(DocumentKind.class);
                missing.stream().filter(k -> settings.preset().requires(k)).forEach(expected::add);
                assertThat(blocked).as("missing %s under %s", missing, settings.preset()).isEqualTo(expected);
                assertThat(e.ready()).isEqualTo(expected.isEmpty());
                of(e, Rule.DOCUMENTS).stream().filter(RuleCheck::blocks)
                        .forEach(c -> assertThat(c.key()).isEqualTo("request.rule.documents.missing"));
            }
        }
    }

    @Test
    void adminduksPersonAndDuplicateRulesBlock() {
        List<Document> docs = allDocuments(TODAY);
        RequestForm f = form(TODAY.minusMonths(1), null);
        Findings invalid = Findings.of(List.of(Finding.error("alamat", "field.required")));
        assertThat(RULES.evaluate(facts(f, MEMBER, docs, invalid, 0, TODAY, DocumentSettings.DEFAULTS)).blockers())
                .extracting(RuleCheck::key).containsExactly("request.rule.adminduk.invalid");
        Member noNik = MEMBER.withNik(null);
        assertThat(RULES.evaluate(facts(f, noNik, docs, Findings.NONE, 0, TODAY, DocumentSettings.DEFAULTS)).blockers())
                .extracting(RuleCheck::key).containsExactly("request.rule.adminduk.noNik");
        Member moved = MEMBER.withStatus(MemberStatus.PINDAH, TODAY.minusDays(10));
        assertThat(RULES.evaluate(facts(f, moved, docs, Findings.NONE, 0, TODAY, DocumentSettings.DEFAULTS)).blockers())
                .extracting(RuleCheck::key).containsExactly("request.rule.person.moved");
        Member deceased = MEMBER.withStatus(MemberStatus.MENINGGAL, TODAY.minusDays(10));
        assertThat(RULES.evaluate(facts(f, deceased, docs, Findings.NONE, 0, TODAY, DocumentSettings.DEFAULTS)).blockers())
                .extracting(RuleCheck::key).containsExactly("request.rule.person.deceased");
        assertThat(RULES.evaluate(facts(f, MEMBER, docs, Findings.NONE, 1, TODAY, DocumentSettings.DEFAULTS)).blockers())
                .extracting(RuleCheck::key).containsExactly("request.rule.duplicate.open");
        // warnings only: not padan, not in DTSEN
        RequestForm unsure = new RequestForm(TODAY, CheckChannel.CHIKA, null, TODAY.minusMonths(1), Route.DINSOS, null,
                null, false, false);
        Evaluation e = RULES.evaluate(facts(unsure, docs, TODAY));
        assertThat(e.ready()).isTrue();
        assertThat(e.checks()).filteredOn(c -> c.outcome() == Outcome.WARN).extracting(RuleCheck::key)
                .containsExactlyInAnyOrder("request.rule.padan.no", "request.rule.dtsen.no");
    }

    @Test
    void theMembershipCheckMustBeRecorded() {
        RequestForm none = new RequestForm(null, null, null, TODAY.minusMonths(1), Route.DESA, null, null, true, true);
        assertThat(RULES.evaluate(facts(none, allDocuments(TODAY), TODAY)).blockers()).extracting(RuleCheck::key)
                .containsExactly("request.rule.check.missing");
        RequestForm future = new RequestForm(TODAY.plusDays(1), CheckChannel.FASKES, null, TODAY.minusMonths(1),
                Route.DESA, null, null, true, true);
        assertThat(RULES.evaluate(facts(future, allDocuments(TODAY), TODAY)).blockers()).extracting(RuleCheck::key)
                .containsExactly("request.rule.check.future");
    }

    static Stream<Arguments> followUps() {
        List<LocalDate> quarterly = RequestPolicy.DEFAULTS.periodStarts(); // 1 Jan, 1 Apr, 1 Jul, 1 Oct 2026
        List<LocalDate> uneven = List.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 20));
        return Stream.of(
                // the period of the reactivation counts as the first: due at the end of the next one
                Arguments.of(quarterly, 2, "2026-02-15", "2026-06-30"),
                Arguments.of(quarterly, 2, "2026-01-01", "2026-06-30"),
                Arguments.of(quarterly, 2, "2026-03-31", "2026-06-30"),
                Arguments.of(quarterly, 2, "2026-04-01", "2026-09-30"),
                // past the listed periods the quarterly rhythm repeats on the first of the month
                Arguments.of(quarterly, 2, "2026-11-23", "2027-03-31"),
                Arguments.of(quarterly, 2, "2027-12-31", "2028-03-31"),
                // before the first listed period, the first interval repeats backwards
                Arguments.of(quarterly, 2, "2025-12-31", "2026-03-31"),
                Arguments.of(quarterly, 1, "2026-05-05", "2026-06-30"),
                Arguments.of(quarterly, 3, "2026-05-05", "2026-12-31"),
                // uneven periods as a district sets them; the last gap (50 days) repeats
                Arguments.of(uneven, 2, "2026-02-01", "2026-06-19"),
                Arguments.of(uneven, 2, "2026-06-20", "2026-09-27"),
                Arguments.of(uneven, 2, "2026-08-10", "2026-11-16"));
    }

    @ParameterizedTest(name = "{2} with {1} periods: due {3}")
    @MethodSource
    void followUps(List<LocalDate> starts, int periods, String reactivated, String due) {
        RequestPolicy policy = new RequestPolicy(6, 30, RequestPolicy.DEFAULTS.urgentCategories(), periods, starts);
        assertThat(FollowUp.due(LocalDate.parse(reactivated), policy)).isEqualTo(LocalDate.parse(due));
    }

    @Test
    void policySettingsRoundTripAndFallBackToDefaults() {
        RequestPolicy p = new RequestPolicy(4, 14, EnumSet.of(Diagnosis.KANKER, Diagnosis.ICU), 3,
                List.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 1)));
        assertThat(RequestPolicy.from(p.toMap())).isEqualTo(p);
        assertThat(RequestPolicy.from(java.util.Map.of())).isEqualTo(RequestPolicy.DEFAULTS);
        assertThat(RequestPolicy.from(java.util.Map.of("request.windowMonths", "abc", "request.periodStarts", "kemarin",
                "request.urgentCategories", "KANKER,BUKAN")))
                .satisfies(q -> {
                    assertThat(q.windowMonths()).isEqualTo(6);
                    assertThat(q.periodStarts()).isEqualTo(RequestPolicy.DEFAULTS.periodStarts());
                    assertThat(q.urgentCategories()).containsExactly(Diagnosis.KANKER);
                });
    }

    @Test
    void theSqlListOfOpenStatusesIsTheStatusesThatAreOpen() {
        java.util.Set<RequestStatus> listed = java.util.Arrays.stream(RequestDao.OPEN.replaceAll("[()' ]", "").split(","))
                .map(RequestStatus::valueOf).collect(java.util.stream.Collectors.toSet());
        assertThat(listed).isEqualTo(java.util.Arrays.stream(RequestStatus.values()).filter(RequestStatus::open)
                .collect(java.util.stream.Collectors.toSet()));
    }
}
