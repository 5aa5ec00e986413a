package dev.socknotes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socknotes.content.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiStringsTest {
    @TempDir
    Path templates;

    private void tables(String withoutKey) throws IOException {
        Files.createDirectories(templates.resolve("ui"));
        for (Lang lang : Lang.values()) {
            String table = Files.readAllLines(Path.of("templates/ui", lang.dir() + ".properties"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith(withoutKey + "=")).collect(Collectors.joining("\n"));
            Files.writeString(templates.resolve("ui").resolve(lang.dir() + ".properties"), table, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRealTablesHoldEveryKeyOfTheCodeAndTheTemplates() throws IOException {
        UiStrings ui = UiStrings.load(Path.of("templates/ui"));
        for (UiKey key : UiKey.values()) {
            assertThat(ui.get(Lang.ZH, key)).as(key.key()).isNotBlank();
        }
    }

    @Test
    void aKeyTheCodeUsesMissingFromBothTablesFailsWhenTheyLoad() throws IOException {
        tables("snippet.verified");
        assertThatThrownBy(() -> UiStrings.load(templates.resolve("ui")))
                .hasMessageEndingWith("missing from both tables: [snippet.verified]");
    }

    @Test
    void aKeyATemplateNamesMissingFromBothTablesFailsWhenTheyLoad() throws IOException {
        tables("no.such.key");
        Files.writeString(templates.resolve("topic.ftl"), "<p>${ui(lang, \"nav.contnets\")?html}</p>");
        assertThatThrownBy(() -> UiStrings.load(templates.resolve("ui")))
                .hasMessageEndingWith("missing from both tables: [nav.contnets]");
    }
}
