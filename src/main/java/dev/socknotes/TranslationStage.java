package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.verify.SectionFacts;
import dev.socknotes.verify.Termbase;
import dev.socknotes.verify.TranslationLock;
import dev.socknotes.verify.TranslationSync;
import dev.socknotes.verify.Translations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed topics → the two texts checked against each other: sections changed in one language since
 * their last sync (data/translations.lock), facts of a section missing from its translation, avoided
 * variants of the termbase's terms (data/terms.yaml) in Chinese prose. Warnings, or errors with
 * {@code socknotes.strictTranslations=true}.
 */
record TranslationStage(BuildConfig config) implements Stage<List<TopicWork>, Translations> {
    @Override
    public Output<Translations> run(List<TopicWork> topics) throws IOException {
        boolean strict = config.strictTranslations();
        List<Diagnostic> diagnostics = new ArrayList<>();
        TranslationLock.Read lock = TranslationLock.read(config.dataDir().resolve(TranslationLock.FILE), display(TranslationLock.FILE));
        Termbase.Loaded terms = Termbase.load(config.dataDir().resolve(Termbase.FILE), display(Termbase.FILE));
        diagnostics.addAll(lock.diagnostics());
        diagnostics.addAll(terms.diagnostics());
        checkTermLinks(terms.terms(), ContentStage.anchors(topics, Lang.EN), diagnostics);
        List<TranslationSync.Stale> stale = new ArrayList<>();
        SectionFacts facts = new SectionFacts();
        Termbase termbase = new Termbase();
        for (TopicWork w : topics) {
            var zh = w.parsed().get(Lang.ZH);
            List<TranslationSync.Stale> mine = TranslationSync.stale(w.key(), w.en(), zh, lock.records());
            mine.forEach(s -> diagnostics.add(TranslationSync.diagnostic(s, strict)));
            stale.addAll(mine);
            diagnostics.addAll(facts.check(w.en(), zh, strict));
            diagnostics.addAll(termbase.check(zh, terms.terms(), strict));
        }
        return new Output<>(new Translations(stale, terms.terms()), diagnostics, seconds -> "%d terms, %d stale sections%s"
                .formatted(terms.terms().size(), stale.size(), strict ? " (strict)" : ""));
    }

    private void checkTermLinks(List<Termbase.Term> terms, Map<String, Set<String>> anchors, List<Diagnostic> diagnostics) {
        for (Termbase.TopicLink l : Termbase.topicLinks(terms)) {
            Set<String> a = anchors.get(l.topic());
            if (a == null || (l.anchor() != null && !a.contains(l.anchor()))) {
                diagnostics.add(Diagnostic.error(display(Termbase.FILE), l.line(), 1, "link to "
                        + (a == null ? "a topic that does not exist: " : "a section that does not exist: ") + l.url()));
            }
        }
    }

    private Path display(String file) {
        return config.projectRoot().relativize(config.dataDir().resolve(file));
    }
}
