package dev.bakongpay.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.settings.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The configuration tables of the READMEs say what {@link Settings} declares. The server README's
 * table is the declarations, row for row: on a mismatch the failure prints the table to paste.
 */
@DisplayName("the README configuration tables follow the declared settings")
class SettingsDocumentationTest {
    private static final Pattern NAME = Pattern.compile("`((?:BAKONGPAY|BAKONG_SIMULATOR)_[A-Z0-9_]+)`");

    /** The table the server README must hold, from the declarations. */
    static String table() {
        StringBuilder t = new StringBuilder("| name | default | meaning |\n|---|---|---|\n");
        for (Setting<?> s : Settings.ALL) {
            t.append("| `")
                    .append(s.name())
                    .append("` | ")
                    .append(s.defaultDoc())
                    .append(" | ")
                    .append(s.doc())
                    .append(" |\n");
        }
        return t.toString();
    }

    @Test
    @DisplayName("bakongpay-server/README.md: one row per declared setting, with its default and meaning, in order")
    void serverReadme() throws IOException {
        List<String> section = section(Path.of("README.md"));
        String actual = section.stream()
                .filter(l -> l.startsWith("|"))
                .map(l -> l + "\n")
                .collect(Collectors.joining());
        assertThat(actual)
                .as("the table under ## Configuration; expected:%n%s", table())
                .isEqualTo(table());
    }

    @Test
    @DisplayName("README.md: every setting it names is declared, and each one-setting row states the declared default")
    void rootReadme() throws IOException {
        Map<String, Setting<?>> declared = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> declared.put(s.name(), s));
        List<String> rows = section(Path.of("..", "README.md")).stream()
                .filter(l -> l.startsWith("| `"))
                .toList();
        assertThat(rows).isNotEmpty();
        List<String> named = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("(?<!\\\\)\\|");
            List<String> names = names(cells[1]);
            named.addAll(names);
            if (names.size() == 1
                    && declared.containsKey(names.get(0))
                    && declared.get(names.get(0)).fallback() != null) {
                String literal = literal(declared.get(names.get(0)).defaultDoc());
                if (literal != null)
                    assertThat(cells[2]).as("default of %s", names.get(0)).contains(literal);
            }
        }
        assertThat(declared.keySet()).containsAll(named);
        assertThat(named).contains(Settings.PORT.name(), Settings.API_KEYS.name(), Settings.DB_URL.name());
    }

    @Test
    @DisplayName("every setting's name is declared once")
    void namesAreUnique() {
        Set<String> names = Settings.ALL.stream().map(Setting::name).collect(Collectors.toSet());
        assertThat(names).hasSameSizeAs(Settings.ALL);
    }

    @Test
    @DisplayName("a documented number, switch or word default is the value the reader falls back to")
    void documentedDefaultsAreTheValues() {
        for (Setting<?> s : Settings.ALL) {
            Object fallback = s.fallback();
            if (fallback instanceof Number || fallback instanceof Boolean || fallback instanceof String) {
                assertThat(literal(s.defaultDoc()))
                        .as("documented default of %s", s.name())
                        .isEqualTo(String.valueOf(fallback));
            }
        }
        assertThat(Settings.BAKONG_TIMEOUT.fallback()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(literal(Settings.BAKONG_TIMEOUT.defaultDoc())).isEqualTo("3s");
        assertThat(literal(Settings.BAKONG_DEADLINE.defaultDoc()))
                .isEqualTo(Settings.BAKONG_DEADLINE.fallback().toSeconds() + "s");
        assertThat(literal(Settings.BAKONG_URL.defaultDoc()))
                .isEqualTo(Settings.BAKONG_URL.fallback().toString());
    }

    /** The lines under {@code ## Configuration}, up to the next {@code ## } heading. */
    private static List<String> section(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("## Configuration in %s", readme).isNotNegative();
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            section.add(line);
        }
        return section;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The default's leading code literal ({@code `8080`} of "`8080`" or "`false` (sandbox: always)"), or null. */
    private static String literal(String defaultDoc) {
        Matcher m = Pattern.compile("^`([^`]+)`").matcher(defaultDoc);
        return m.find() ? m.group(1) : null;
    }
}
