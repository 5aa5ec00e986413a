package dev.socknotes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildSettingsForwardingTest {

    @Test
    void pomForwardsEverySettingToTheSiteBuild() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (Setting s : Setting.values()) {
            assertThat(pom).as("pom.xml forwards " + s.property())
                    .contains("<argument>-D" + s.property() + "=${" + s.property() + "}</argument>")
                    .contains("<" + s.property() + "></" + s.property() + ">");
        }
    }

    @Test
    void readmeDocumentsEverySetting() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting s : Setting.values()) {
            assertThat(readme).as("README.md documents " + s.property()).contains("`" + s.property() + "`");
        }
    }

    @Test
    void emptyValuesMeanDefaultsAndBadValuesAreRefused() {
        BuildConfig c = BuildConfig.from(Path.of("."), Map.of(Setting.MODE, "", Setting.SLOW, ""));
        assertThat(c.mode()).isEqualTo(Mode.BUILD);
        assertThat(c.slow()).isFalse();
        assertThat(c.siteDir().endsWith(Path.of("target/site"))).as(c.siteDir().toString()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BuildConfig.from(Path.of("."), Map.of(Setting.SLOW, "yes")))
                .hasMessage("socknotes.slow must be true or false");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BuildConfig.from(Path.of("."), Map.of(Setting.BASE_URL, "example.org")))
                .hasMessage("socknotes.baseUrl must be an absolute http(s) URL");
    }
}
