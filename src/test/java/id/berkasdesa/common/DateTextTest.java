package id.berkasdesa.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTextTest {

    @Property
    void formatThenParseGivesTheSameDate(@ForAll @IntRange(min = 0, max = 60000) int days) {
        LocalDate d = LocalDate.of(1900, 1, 1).plusDays(days);
        assertThat(DateText.parse(DateText.format(d))).contains(d);
    }

    @Property
    void neverThrowsOnAnyText(@ForAll @StringLength(max = 20) String text) {
        DateText.parse(text);
    }

    @ParameterizedTest
    @CsvSource({"17-08-1945,1945-08-17", "17/08/1945,1945-08-17", "1.2.2001,2001-02-01", "17081945,1945-08-17"})
    void acceptsTheUsualSeparators(String text, LocalDate expected) {
        assertThat(DateText.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"31-02-2001", "29-02-2001", "17-13-2001", "17-08-45", "1945-08-17", "hari ini"})
    void rejectsWhatIsNoRealDate(String text) {
        assertThat(DateText.parse(text)).isEmpty();
    }
}
