package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.verify.TranslationLock;
import dev.socknotes.verify.TranslationSync;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The site's own content against its translation checks, in strict mode as CI runs them: every
 * section in sync with data/translations.lock (which records every section), the same facts in
 * both languages, no avoided term.
 */
class TranslationContentTest {
    private static final BuildConfig STRICT = BuildConfig.from(Path.of("."), Map.of(Setting.STRICT_TRANSLATIONS, "true"));

    @Test
    void theCurrentContentPassesStrictMode() throws IOException {
        var content = new ContentStage(STRICT).run(STRICT.contentDir());
        assertThat(content.diagnostics()).isEmpty();
        var checked = new TranslationStage(STRICT).run(content.value());
        assertThat(checked.diagnostics().stream().map(Diagnostic::format)).isEmpty();
        assertThat(checked.value().terms()).hasSizeGreaterThan(30);
    }

    @Test
    void theLockRecordsEverySectionOfEveryTopic() throws IOException {
        var topics = new ContentStage(STRICT).run(STRICT.contentDir()).value();
        var lock = TranslationLock.read(STRICT.dataDir().resolve(TranslationLock.FILE), Path.of("data", TranslationLock.FILE));
        assertThat(lock.diagnostics()).isEmpty();
        for (TopicWork w : topics) {
            List<String> sections = List.copyOf(TranslationSync.hashes(w.en(), w.parsed().get(Lang.ZH)).keySet());
            assertThat(lock.records().topics().getOrDefault(w.key(), Map.of()).keySet()).as(w.key())
                    .containsExactlyElementsOf(sections);
        }
    }
}
