package id.berkasdesa.request.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.DateText;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The date asked before "Aktif kembali" and the DTSEN follow-up: every real date up to today is taken. */
class AskDialogDatePropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Property
    void everyRealDateUpToTodayIsTaken(@ForAll @IntRange(min = 0, max = 40_000) int daysBack) {
        LocalDate d = TODAY.minusDays(daysBack);
        assertThat(AskDialog.dateProblem(DateText.format(d), TODAY)).isNull();
        assertThat(AskDialog.dateProblem(" " + DateText.format(d).replace('-', '/') + " ", TODAY)).isNull();
    }

    @Property
    void aDateAheadIsRefusedAsFuture(@ForAll @IntRange(min = 1, max = 4_000) int daysAhead) {
        assertThat(AskDialog.dateProblem(DateText.format(TODAY.plusDays(daysAhead)), TODAY)).isEqualTo("request.ask.future");
    }

    @Property
    void aDayThatDoesNotExistIsRefusedAsUnreadable(@ForAll @IntRange(min = 2000, max = 2030) int year) {
        assertThat(AskDialog.dateProblem("31-02-" + year, TODAY)).isEqualTo("request.field.date");
        assertThat(AskDialog.dateProblem("kemarin", TODAY)).isEqualTo("request.field.date");
    }
}
