package id.berkasdesa.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LabelMatchTest {

    private static final List<String> PENDIDIKAN = List.of("Tidak/Belum Sekolah", "Belum Tamat SD/Sederajat",
            "Tamat SD/Sederajat", "SLTP/Sederajat", "SLTA/Sederajat", "Diploma I/II");

    private static String pick(String typed) {
        int i = LabelMatch.best(PENDIDIKAN, s -> s, typed);
        return i < 0 ? null : PENDIDIKAN.get(i);
    }

    @Test
    void lettersThatStartAWordInsideTheLabelSelectIt() {
        assertThat(pick("SD")).isEqualTo("Tamat SD/Sederajat");
        assertThat(pick("sd")).isEqualTo("Tamat SD/Sederajat");
        assertThat(pick("s")).isEqualTo("SLTP/Sederajat");
        assertThat(pick("sltA")).isEqualTo("SLTA/Sederajat");
        assertThat(pick("belum t")).isEqualTo("Belum Tamat SD/Sederajat");
        assertThat(pick("ii")).isEqualTo("Diploma I/II");
        assertThat(pick("mob")).isNull();
        assertThat(LabelMatch.best(List.of("Mobile JKN", "PANDAWA"), s -> s, "pan")).isEqualTo(1);
    }

    @Property
    void anyLabelIsSelectedByItsOwnStartAndByTheStartOfEachOfItsWords(
            @ForAll @AlphaChars @StringLength(min = 1, max = 8) String first,
            @ForAll @AlphaChars @StringLength(min = 1, max = 8) String second) {
        String label = first + " " + second;
        assertThat(LabelMatch.rank(label, first)).isZero();
        assertThat(LabelMatch.rank(label, label.toUpperCase())).isZero();
        assertThat(LabelMatch.rank(label, second)).isBetween(0, 1);
        assertThat(LabelMatch.rank(label, first + "#")).isEqualTo(-1);
    }
}
