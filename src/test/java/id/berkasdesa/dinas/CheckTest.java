package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Messages;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every check has its stable code, found back from it, and plain words in both languages. */
class CheckTest {

    @Test
    void everyCheckHasItsWordsAndItsCode() {
        for (Messages m : new Messages[] {Messages.indonesian(), Messages.forLocale(Locale.ENGLISH)}) {
            for (Check c : Check.values()) {
                assertThat(m.get(c.messageKey())).as(c.code()).isNotBlank().doesNotStartWith("!");
                assertThat(Check.of(c.code())).contains(c);
            }
        }
        assertThat(Arrays.stream(Check.values()).map(Check::code)).containsExactly("nik", "wilayah", "batas-waktu",
                "pernah-reaktivasi", "surat-faskes", "mendesak", "ganda", "kunci-baru", "rekam-jejak-mundur");
        assertThat(Check.of("sktm")).isEmpty();
    }
}
