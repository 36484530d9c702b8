package id.berkasdesa.adminduk;

import id.berkasdesa.household.Households;
import static id.berkasdesa.household.Households.WILAYAH;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Messages;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NikTest {

    private static final Messages ID = Messages.indonesian();

    private static List<String> keys(Nik.Check c) {
        return c.findings().all().stream().map(Finding::key).toList();
    }

    @Test
    void aWomansNikGivesSexBirthDateAndKecamatan() {
        Nik.Check c = Nik.check("3201015708850003", WILAYAH);
        assertThat(c.verdict()).isEqualTo(Verdict.VALID);
        assertThat(c.sex()).contains(Sex.P);
        assertThat(c.birthDate()).contains("17-08-85");
        assertThat(c.kecamatan()).contains("32.01.01");
        assertThat(c.kecamatanName()).contains("Cibinong");
    }

    @Test
    void pastedSpacesAndDotsAreCleanedNotRejected() {
        Nik.Check c = Nik.check(" 3201.0157 0885-0003 ", WILAYAH);
        assertThat(c.cleaned()).isEqualTo("3201015708850003");
        assertThat(c.verdict()).isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest
    @CsvSource({
        "320101570885003, number.length",
        "32010157088500031, number.length",
        "32010157O8850003, number.nonDigit",
        "3201013208850003, nik.date",
        "3201017208850003, nik.date",
        "3201011713850003, nik.date",
        "3201012902010003, nik.date",
        "3201015708850000, nik.serial",
        "9901015708850003, number.province",
    })
    void errors(String nik, String key) {
        Nik.Check c = Nik.check(nik, WILAYAH);
        assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(keys(c)).contains(key);
    }

    @Test
    void leapDayOfTwoThousandIsARealDate() {
        assertThat(Nik.check("3201012902000003", WILAYAH).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void unknownKecamatanIsOnlyAWarning() {
        Nik.Check c = Nik.check("3201995708850003", WILAYAH);
        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        assertThat(keys(c)).containsExactly("number.kecamatan");
        assertThat(c.kecamatanName()).isEmpty();
        assertThat(c.findings().all().get(0).message(ID)).contains("32.01.99");
    }

    @Test
    void disagreementWithTheEnteredBirthDateIsAWarningNamingBothValues() {
        Nik.Check c = Nik.check("3201015708850003", WILAYAH, LocalDate.of(1985, 8, 18), Sex.P);
        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        String message = c.findings().all().get(0).message(ID);
        assertThat(message).contains("17-08-85").contains("18-08-1985");
    }

    @Test
    void disagreementWithTheEnteredSexNamesBoth() {
        Nik.Check c = Nik.check("3201015708850003", WILAYAH, LocalDate.of(1985, 8, 17), Sex.L);
        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
        assertThat(c.findings().all().get(0).message(ID)).contains("perempuan").contains("laki-laki");
    }

    @Property
    void everyWellFormedNikPasses(@ForAll("validNiks") String nik) {
        assertThat(Nik.check(nik, WILAYAH).verdict()).isEqualTo(Verdict.VALID);
    }

    @Property
    void aDayOutsideTheCalendarIsCaught(@ForAll("validNiks") String nik, @ForAll @IntRange(min = 0, max = 9) int digit) {
        String corrupted = nik.substring(0, 6) + "9" + digit + nik.substring(8);
        assertThat(Nik.check(corrupted, WILAYAH).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Property
    void everySingleDigitCorruptionOfTheDateOrSerialThatMakesItImpossibleIsCaught(
            @ForAll("validNiks") String nik, @ForAll @IntRange(min = 6, max = 15) int position,
            @ForAll @IntRange(min = 0, max = 9) int digit) {
        String corrupted = nik.substring(0, position) + digit + nik.substring(position + 1);
        boolean impossible = !possible(corrupted);
        Verdict v = Nik.check(corrupted, WILAYAH).verdict();
        if (impossible) {
            assertThat(v).as(corrupted).isEqualTo(Verdict.INVALID);
        } else {
            assertThat(v).as(corrupted).isEqualTo(Verdict.VALID);
        }
    }

    /** An independent statement of the rule: a real day and month in some year YY, serial not 0000. */
    private static boolean possible(String nik) {
        int dd = Integer.parseInt(nik.substring(6, 8));
        int day = dd > 40 ? dd - 40 : dd;
        int mm = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean leap = yy % 4 == 0;
        int[] lengths = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        boolean date = mm >= 1 && mm <= 12 && day >= 1 && day <= lengths[mm - 1];
        return date && !nik.endsWith("0000");
    }

    @Provide
    Arbitrary<String> validNiks() {
        Arbitrary<String> kecamatan = Arbitraries.of(List.of("320101", "337401", "110101", "910301"));
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 365 * 100)
                .map(d -> LocalDate.of(1925, 1, 1).plusDays(d));
        Arbitrary<Boolean> female = Arbitraries.of(true, false);
        Arbitrary<Integer> serial = Arbitraries.integers().between(1, 9999);
        return Combinators.combine(kecamatan, birth, female, serial).as((k, b, f, s) -> k
                + "%02d%02d%02d%04d".formatted(b.getDayOfMonth() + (f ? 40 : 0), b.getMonthValue(), b.getYear() % 100, s));
    }

    @org.junit.jupiter.api.Test
    void theHoldersSexAndBirthDateComeFromTheDatePartWithTheLatestCenturyNotInTheFuture() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 6);
        org.assertj.core.api.Assertions.assertThat(Nik.holder("3201015203880002", today)).contains(
                new Nik.Holder(Sex.P, java.time.LocalDate.of(1988, 3, 12)));
        org.assertj.core.api.Assertions.assertThat(Nik.holder("3201 0105 0115 0003", today)).contains(
                new Nik.Holder(Sex.L, java.time.LocalDate.of(2015, 1, 5)));
        // born 1927: "27" is after 2026, so the century before
        org.assertj.core.api.Assertions.assertThat(Nik.holder("3201010101270001", today)).contains(
                new Nik.Holder(Sex.L, java.time.LocalDate.of(1927, 1, 1)));
        org.assertj.core.api.Assertions.assertThat(Nik.holder("3201013208850001", today)).isEmpty(); // day 32
        org.assertj.core.api.Assertions.assertThat(Nik.holder("32010117088500", today)).isEmpty(); // too short
    }
}
