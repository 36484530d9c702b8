package id.berkasdesa.adminduk;

import id.berkasdesa.household.Households;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Finding;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** No. KK: digits 7–12 a registration date DDMMYY (no +40), the last four a family serial. */
class NoKkPropertiesTest {

    private static final String KECAMATAN = "320101"; // Cibinong

    private static boolean warns(String kk, String key) {
        return NoKk.check(kk, Households.WILAYAH).findings().all().stream().map(Finding::key).anyMatch(key::equals);
    }

    @Property
    void aRealRegistrationDateAndSerialGiveNoWarning(@ForAll @IntRange(min = 0, max = 20_000) int daysBack,
            @ForAll @IntRange(min = 1, max = 9999) int serial) {
        LocalDate d = LocalDate.of(2026, 12, 1).minusDays(daysBack);
        String kk = KECAMATAN + String.format("%02d%02d%02d%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear() % 100, serial);
        assertThat(NoKk.check(kk, Households.WILAYAH).verdict()).isEqualTo(Verdict.VALID);
    }

    @Property
    void aMonthThatDoesNotExistIsAWarningNeverAnError(@ForAll @IntRange(min = 13, max = 99) int month,
            @ForAll @IntRange(min = 1, max = 28) int day) {
        String kk = KECAMATAN + String.format("%02d%02d%02d%04d", day, month, 20, 1);
        assertThat(warns(kk, "kk.date")).isTrue();
        assertThat(NoKk.check(kk, Households.WILAYAH).verdict()).isEqualTo(Verdict.WARN);
    }

    @Property
    void serialZeroIsAWarning(@ForAll @IntRange(min = 1, max = 28) int day) {
        assertThat(warns(KECAMATAN + String.format("%02d0320", day) + "0000", "kk.serial")).isTrue();
    }
}
