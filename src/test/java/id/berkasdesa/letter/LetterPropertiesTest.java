package id.berkasdesa.letter;

import id.berkasdesa.surat.LetterNumber;
import id.berkasdesa.surat.LetterType;
import id.berkasdesa.surat.LetterQr;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.keys.KeyPair;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The number format and the QR payload, for any input. */
class LetterPropertiesTest {

    private static final KeyPair KEYS = KeyPair.generate("desa", "32.01.01.1001", "PONDOK RAJEG");

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 30).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    }

    @Property
    void theNumberCarriesTheSequenceMonthAndYearAndDifferentSequencesNeverPrintTheSame(@ForAll @IntRange(min = 1, max = 99_999) int seq,
            @ForAll("days") LocalDate day) {
        String a = LetterNumber.format(LetterNumber.DEFAULT_FORMAT, "401", seq, "3201011001", day);
        String b = LetterNumber.format(LetterNumber.DEFAULT_FORMAT, "401", seq + 1, "3201011001", day);
        assertThat(a).isNotEqualTo(b);
        String[] parts = a.split("/");
        assertThat(parts).hasSize(5);
        assertThat(Integer.parseInt(parts[1])).isEqualTo(seq);
        assertThat(parts[1]).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts[3]).isEqualTo(LetterNumber.roman(day.getMonthValue()));
        assertThat(parts[4]).isEqualTo(Integer.toString(day.getYear()));
    }

    @Property
    void anyFormatIsEitherRefusedOrPrintsTheSequence(@ForAll @StringLength(max = 60) String format) {
        if (LetterNumber.problem(format).isEmpty()) {
            assertThat(LetterNumber.format(format, "470", 7, "3201011001", LocalDate.of(2026, 12, 6))).doesNotContain("|");
        }
    }

    @Property(tries = 60)
    void thePayloadRoundTripsAndAnyChangedCharacterBreaksTheSignature(@ForAll @IntRange(min = 1, max = 999) int seq,
            @ForAll("days") LocalDate day, @ForAll @StringLength(min = 1, max = 40) String name,
            @ForAll @IntRange(min = 0, max = 400) int position) {
        String number = LetterNumber.format(LetterNumber.DEFAULT_FORMAT, "401", seq, "3201011001", day);
        LetterQr qr = LetterQr.sign(LetterType.SKTM, number, day, day.plusMonths(1), "3201011001", name, "3201015406821041", KEYS);
        LetterQr back = LetterQr.parse(qr.text()).orElseThrow();
        assertThat(back).isEqualTo(qr);
        assertThat(back.signatureHolds()).isTrue();
        assertThat(back.names("3201015406821041")).isTrue();
        assertThat(back.names("3201015406821042")).isFalse();
        assertThat(qr.text()).doesNotContain("3201015406821041");
        // one character of what is signed changed (not a separator): parsed or not, never a holding signature
        String text = qr.text();
        int signedEnd = text.lastIndexOf('|');
        int i = position % signedEnd;
        char c = text.charAt(i);
        if (c != '|') {
            String changed = text.substring(0, i) + (c == 'A' ? 'B' : 'A') + text.substring(i + 1);
            LetterQr.parse(changed).ifPresent(p -> assertThat(p.signatureHolds()).isFalse());
        }
    }
}
