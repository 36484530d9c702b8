package id.berkasdesa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key used in code or FXML exists in both languages, none is unused, every text is a valid pattern. */
class LocalizationConsistencyTest {

    private static final Path MAIN = Path.of("src/main");
    /** Keys built at run time from a prefix and a value (enum names). */
    private static final Set<String> DYNAMIC_PREFIXES = Set.of("member.status.", "member.status.short.", "document.kind.",
            "document.diagnosis.", "document.preset.", "document.state.", "document.type.", "request.status.",
            "request.route.", "request.channel.", "request.rule.", "request.answer.", "request.urgency.", "request.view.",
            "request.move.", "dinas.check.", "dinas.reason.", "dinas.decision.", "dinas.inbox.result.", "dinas.status.",
            "dinas.duplicates.state.", "import.confirm.status.", "import.format.", "help.key.", "help.does.", "help.howto.", "role.", "audit.do.", "audit.entity.", "audit.kind.", "audit.field.",
            "letter.type.", "letter.title.", "letter.template.", "letter.verify.");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(MAIN.resolve("resources/i18n/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static String allSource() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml")).toList()) {
                sb.append(Files.readString(f)).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(bundle("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        // a unit of work's action (db.write("request.status", …), db.unit(…)) names what is done, not a text
        // (also where a role's or the setup's list of allowed actions names them)
        String all = allSource();
        Set<String> actions = new HashSet<>();
        Matcher a = Pattern.compile("\\b(?:write|unit|writeAs|require)\\((?:[A-Za-z.]+, )?\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"")
                .matcher(all);
        while (a.find()) {
            actions.add(a.group(1));
        }
        String source = all;
        for (String action : actions) {
            source = source.replace("\"" + action + "\"", "\"\"");
        }
        Set<String> used = new HashSet<>();
        Matcher m = Pattern.compile("\"%?([a-z][A-Za-z]*(?:\\.[A-Za-z0-9]+)+)\"").matcher(source);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> missing = new HashSet<>();
        for (String k : used) {
            boolean looksLikeMessage = keys.stream().anyMatch(x -> x.startsWith(k.split("\\.")[0] + "."));
            boolean fieldName = k.matches(".*\\.\\d+(\\..*)?"); // "member.2.nik" names a form field
            if (looksLikeMessage && !fieldName && !keys.contains(k) && !k.endsWith(".fxml") && !k.endsWith(".css")) {
                missing.add(k);
            }
        }
        assertThat(missing).as("keys used in code or FXML but not in messages.properties").isEmpty();
        Set<String> unused = new HashSet<>();
        for (String k : keys) {
            boolean dynamic = DYNAMIC_PREFIXES.stream().anyMatch(k::startsWith);
            if (!dynamic && !used.contains(k) && !source.contains("\"" + k + "\"")) {
                unused.add(k);
            }
        }
        assertThat(unused).as("keys nobody uses").isEmpty();
    }

    @Test
    void everyTextIsAValidPattern() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = bundle(file);
            for (String k : p.stringPropertyNames()) {
                new MessageFormat(p.getProperty(k));
                assertThat(p.getProperty(k)).as(file + " " + k).doesNotContainPattern("(?<!')'(?!')");
            }
        }
    }
}
