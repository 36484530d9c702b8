package id.berkasdesa.request;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.DateText;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What an operator types into the request form: read, or refused per field, never an exception. */
class RequestInputTest {

    static RequestInput typed(String checkDate, String bpjs, String deletion) {
        return new RequestInput(checkDate, CheckChannel.FASKES, bpjs, deletion, Route.DESA, "alasan", null, null, null);
    }

    @Property
    void anythingTypedIsReadOrRefusedByField(@ForAll String checkDate, @ForAll String bpjs, @ForAll String deletion) {
        RequestInput.Parsed p = typed(checkDate, bpjs, deletion).parse();
        assertThat(p.problems().keySet()).isSubsetOf("checkDate", "bpjsNumber", "deletionDate", "reason");
        if (p.ok()) {
            assertThat(p.form().route()).isEqualTo(Route.DESA);
        }
        if (!checkDate.isBlank() && DateText.parse(checkDate).isEmpty()) {
            assertThat(p.problems()).containsEntry("checkDate", "request.field.date");
        }
    }

    @Property
    void aRealDateRoundTripsThroughTheForm(@ForAll("days") LocalDate day) {
        RequestForm form = new RequestForm(day, CheckChannel.CHIKA, null, day.minusDays(3), Route.DINSOS, null, null,
                true, false);
        RequestInput.Parsed p = RequestInput.of(form).parse();
        assertThat(p.ok()).isTrue();
        assertThat(p.form()).isEqualTo(form);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 40).map(n -> LocalDate.of(2000, 1, 1).plusDays(n));
    }

    @Property
    void aBpjsNumberIsThirteenDigitsSeparatorsAllowed(@ForAll @IntRange(min = 0, max = 20) int length) {
        String digits = "1234567890123456789012".substring(0, length);
        RequestInput.Parsed p = typed("", digits, "").parse();
        assertThat(p.problems().containsKey("bpjsNumber")).isEqualTo(length != 0 && length != 13);
        if (length == 13) {
            String spaced = digits.substring(0, 4) + " " + digits.substring(4, 8) + "." + digits.substring(8);
            assertThat(typed("", spaced, "").parse().form().bpjsNumber()).isEqualTo(digits);
        }
    }

    @Property(tries = 50)
    void aReasonOverTheLimitIsRefused(@ForAll @IntRange(min = 400, max = 600) int length) {
        RequestInput in = new RequestInput("", null, "", "", Route.DESA, "x".repeat(length), null, null, null);
        assertThat(in.parse().problems().containsKey("reason")).isEqualTo(length > RequestInput.MAX_REASON);
    }
}
