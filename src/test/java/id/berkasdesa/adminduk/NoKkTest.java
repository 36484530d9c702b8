package id.berkasdesa.adminduk;

import id.berkasdesa.household.Households;
import static id.berkasdesa.household.Households.WILAYAH;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NoKkTest {

    @Test
    void aKkNumberFromAKnownKecamatanIsValid() {
        NoKk.Check c = NoKk.check("3201 0112 0300 0001", WILAYAH);
        assertThat(c.verdict()).isEqualTo(Verdict.VALID);
        assertThat(c.cleaned()).isEqualTo("3201011203000001");
        assertThat(c.kecamatanName()).contains("Cibinong");
    }

    @Test
    void unknownProvinceIsAnErrorUnknownKecamatanAWarning() {
        assertThat(NoKk.check("0001011203000001", WILAYAH).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(NoKk.check("3201991203000001", WILAYAH).verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void wrongLengthIsAnError() {
        assertThat(NoKk.check("32010112030001", WILAYAH).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Property
    void anyTextThatIsNotSixteenDigitsIsInvalid(@ForAll @StringLength(max = 30) String text) {
        String cleaned = AreaNumber.clean(text);
        boolean sixteenDigits = cleaned.matches("\\d{16}");
        if (!sixteenDigits) {
            assertThat(NoKk.check(text, WILAYAH).verdict()).isEqualTo(Verdict.INVALID);
        }
    }

    /** Digits 7–16 (registration date and serial) can at most warn: a KK number is never refused for them. */
    @Property
    void sixteenDigitsFromAKnownKecamatanAreNeverInvalid(@ForAll @NumericChars @StringLength(10) String rest) {
        assertThat(NoKk.check("320101" + rest, WILAYAH).verdict()).isNotEqualTo(Verdict.INVALID);
    }
}
