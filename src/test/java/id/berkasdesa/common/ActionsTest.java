package id.berkasdesa.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one registry of actions: every action the code names is declared there, with who may do it. */
class ActionsTest {

    /** An action named where the store is written or asked (write, writeAs, require, may, a settings write, a menu). */
    private static final Pattern NAMED = Pattern.compile(
            "(?:write|writeAs|require|may)\\((?:[A-Za-z.]+, )?\"([a-z]+\\.[a-zA-Z.]+)\"|[a-z]+Item, \"([a-z]+\\.[a-zA-Z]+)\"");

    @Test
    void everyActionTheCodeNamesIsDeclared() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED.matcher(Files.readString(f));
                while (m.find()) {
                    String a = m.group(1) != null ? m.group(1) : m.group(2);
                    named.add(a);
                }
            }
        }
        assertThat(named).as("actions named in the code").hasSizeGreaterThan(30);
        assertThat(named).allSatisfy(a -> assertThat(Actions.of(a)).as(a).isPresent());
    }

    @Test
    void everyRecordedActionHasItsWordsInTheTrail() {
        Messages messages = Messages.indonesian();
        Set<String> looksOnly = Set.of("audit.view", "audit.verify", "operator.list");
        assertThat(Actions.all().keySet()).filteredOn(a -> !looksOnly.contains(a))
                .allSatisfy(a -> assertThat(messages.has("audit.do." + a)).as("audit.do." + a).isTrue());
    }

    @Test
    void whoMayDoWhat() {
        assertThat(Role.OPERATOR.may("household.save")).isTrue();
        assertThat(Role.OPERATOR.may("backup.create")).isFalse();
        assertThat(Role.OPERATOR.may("operator.password")).isTrue();
        assertThat(Role.PEMERIKSA.may("household.save")).isFalse();
        assertThat(Role.PEMERIKSA.may("signin.ok")).isTrue();
        assertThat(Role.ADMINISTRATOR.may("backup.rekey")).isTrue();
        // a misspelt or undeclared action: nobody, not even an Administrator (it borrows no feature's rights)
        assertThat(Role.ADMINISTRATOR.may("household.sav")).isFalse();
        assertThat(Role.OPERATOR.may("household.anything")).isFalse();
        assertThat(Session.NOBODY.may("village.save")).isTrue();
        assertThat(Session.NOBODY.may("household.save")).isFalse();
    }
}
