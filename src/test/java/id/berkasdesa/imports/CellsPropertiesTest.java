package id.berkasdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.CodeList;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What the cells of a village's spreadsheet mean, whatever program last saved them. */
class CellsPropertiesTest {

    @Provide
    Arbitrary<String> niks() {
        return Arbitraries.strings().numeric().ofLength(16);
    }

    @Property
    void aNikTypedAsTextKeepsItsDigitsWhateverSurroundsIt(@ForAll("niks") String nik,
            @ForAll @IntRange(min = 0, max = 4) int dressing) {
        String typed = switch (dressing) {
            case 0 -> nik;
            case 1 -> "'" + nik;                                   // Excel's text prefix
            case 2 -> nik.substring(0, 6) + "." + nik.substring(6, 12) + "." + nik.substring(12);
            case 3 -> " " + nik + "\u00A0";                       // spaces, a non-breaking one
            default -> nik.substring(0, 8) + "\u200B" + nik.substring(8); // Disdukcapil's invisible characters
        };
        var read = Cells.nik(Cell.text(typed));
        assertThat(read.ok()).isTrue();
        assertThat(read.value().nik()).isEqualTo(nik);
    }

    @Property
    void sixteenDigitsEndingInZeroInANumberCellAreExcelsDamageAndRefused(
            @ForAll @LongRange(min = 100_000_000_000_000L, max = 999_999_999_999_999L) long first15) {
        var read = Cells.nik(new Cell(first15 + "0", true));
        assertThat(read.ok()).isFalse();
        assertThat(read.problem()).isEqualTo("import.cell.nikNumber");
    }

    @Property
    void aNikWithAnExponentIsRefusedWhereverItCameFrom(@ForAll @IntRange(min = 1, max = 9) int lead,
            @ForAll @IntRange(min = 0, max = 99999) int mantissa, @ForAll boolean comma) {
        String text = lead + (comma ? "," : ".") + mantissa + "E+15";
        assertThat(Cells.nik(Cell.text(text)).problem()).isEqualTo("import.cell.nikNumber");
    }

    @Property
    void zeroMeansNoNikYet(@ForAll boolean number) {
        var read = Cells.nik(new Cell("0", number));
        assertThat(read.value().tanpaNik()).isTrue();
        assertThat(read.value().nik()).isNull();
    }

    @Property
    void aDateIsTheSameAsExcelsDayCountAndAsEveryWayOfWritingIt(
            @ForAll @IntRange(min = 0, max = 73_000) int daysAfter1901) {
        LocalDate d = LocalDate.of(1901, 1, 1).plusDays(daysAfter1901);
        long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d);
        assertThat(Cells.date(new Cell(String.valueOf(serial), true)).value()).isEqualTo(d);
        for (String sep : new String[] {"-", "/", "."}) {
            String text = "%02d%s%02d%s%04d".formatted(d.getDayOfMonth(), sep, d.getMonthValue(), sep, d.getYear());
            assertThat(Cells.date(Cell.text(text)).value()).isEqualTo(d);
        }
        assertThat(Cells.date(Cell.text(d + " 00:00:00")).value()).isEqualTo(d);
    }

    @Property
    void aDayThatDoesNotExistIsRefusedNeverMovedToTheNextMonth(@ForAll @IntRange(min = 1900, max = 2100) int year,
            @ForAll @IntRange(min = 30, max = 31) int day) {
        var read = Cells.date(Cell.text("%02d-02-%04d".formatted(day, year)));
        assertThat(read.ok()).isFalse();
        assertThat(read.problem()).isEqualTo("import.cell.date");
    }

    @Property
    void everyLabelOfEveryListInAnyCaseAndSpacingIsItsCode(@ForAll("codes") CodeList.Code code, @ForAll boolean upper,
            @ForAll boolean spaced) {
        CodeList list = null;
        for (CodeList l : CodeList.values()) {
            if (l.codes().contains(code)) {
                list = l;
            }
        }
        String label = upper ? code.label().toUpperCase() : code.label().toLowerCase();
        if (spaced) {
            label = label.replace("/", " / ");
        }
        assertThat(Cells.code(list, Cell.text(label)).value()).isEqualTo(code.code());
        assertThat(Cells.code(list, Cell.text(String.valueOf(code.code()))).value()).isEqualTo(code.code());
    }

    private static final CodeList[] LISTS = CodeList.values();

    @Provide
    Arbitrary<CodeList.Code> codes() {
        return Arbitraries.of(java.util.Arrays.stream(LISTS).flatMap(l -> l.codes().stream()).toList());
    }

    @Property
    void whateverIsTypedNothingThrows(@ForAll String anything, @ForAll boolean number) {
        Cell c = new Cell(anything, number);
        Cells.nik(c);
        Cells.date(c);
        Cells.sex(c);
        Cells.statusDasar(c);
        for (CodeList l : LISTS) {
            Cells.code(l, c);
        }
    }

    @Property
    void aCodeOutsideTheListIsRefused(@ForAll @IntRange(min = 100, max = 100_000) int code) {
        assertThat(Cells.code(CodeList.AGAMA, Cell.text(String.valueOf(code))).problem()).isEqualTo("import.cell.code");
    }
}
