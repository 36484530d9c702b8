package id.berkasdesa.bundle;

import id.berkasdesa.exchange.BagReader;
import id.berkasdesa.exchange.BagWriter;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.exchange.SafeName;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** The name rules and the small parsers of bags, over any input. */
class SafeNamePropertiesTest {

    @Property
    void cleanAlwaysGivesANameEveryStickTakes(@ForAll String any) {
        String name = SafeName.clean(any);
        assertThat(SafeName.safe(name)).as(name).isTrue();
        assertThat(name).matches("[\\x21-\\x7e]+");
    }

    @Property
    void cleanKeepsAPortableNameAsItIs(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String letters) {
        String name = letters + "-2026.pdf";
        if (SafeName.safe(name)) {
            assertThat(SafeName.clean(name)).isEqualTo(name);
        }
    }

    @Example
    void reservedTrailingDotAndNonAsciiNamesAreNotSafe() {
        for (String bad : new String[] {"CON", "con.txt", "Nul.pdf", "COM1", "lpt9.jpg", "data.", ".hidden", "é.jpg",
                "a b.pdf", "a:b", "a/../b", "", "x".repeat(101)}) {
            assertThat(SafeName.safe(bad)).as(bad).isFalse();
        }
        assertThat(SafeName.clean("CON")).isEqualTo("CON_");
        assertThat(SafeName.clean("con.txt")).isEqualTo("con_.txt");
        assertThat(SafeName.safe("dokumen/3201010202801001/ktp.jpg")).isTrue();
    }

    @Property
    void noEntryNameWithADotDotPartIsSafe(@ForAll String before, @ForAll String after) {
        assertThat(id.berkasdesa.common.SafeZip.safeName(before + "/../" + after)).isFalse();
        assertThat(id.berkasdesa.common.SafeZip.safeName("../" + after)).isFalse();
        assertThat(id.berkasdesa.common.SafeZip.safeName("/" + after)).isFalse();
    }

    @Property
    void decisionsAreReadInAnyCaseAndSpacing(@ForAll("decisions") Decision d, @ForAll boolean upper) {
        String typed = "  " + d.label().replace(" ", "   ") + " ";
        assertThat(Decision.parse(upper ? typed.toUpperCase(Locale.ROOT) : typed)).contains(d);
        assertThat(Decision.parse(d.name())).contains(d);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Decision> decisions() {
        return net.jqwik.api.Arbitraries.of(Decision.class);
    }

    @Property(tries = 50)
    void bagInfoValuesComeBackAsWritten(@ForAll @StringLength(max = 60) String value) throws IOException {
        String clean = value.replaceAll("[\\r\\n]+", " ").strip();
        Path dir = Files.createTempDirectory("baginfo");
        Path zip = dir.resolve("b.zip");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BagWriter bag = new BagWriter(out, "b", 0, Progress.none());
            bag.payload("x.txt", new byte[] {1});
            Map<String, String> info = new LinkedHashMap<>();
            info.put("Contact-Name", value);
            bag.finish(info, LocalDate.of(2026, 1, 1));
            Files.write(zip, out.toByteArray());
            try (BagReader reader = BagReader.open(zip)) {
                assertThat(reader.info().get("Contact-Name")).isEqualTo(clean);
                reader.verify(Progress.none());
            }
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(dir);
        }
    }
}
