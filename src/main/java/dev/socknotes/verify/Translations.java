package dev.socknotes.verify;

import dev.socknotes.content.Lang;
import java.util.List;
import java.util.Optional;

/**
 * What the translation checks found, for the pages and the verification report: the stale section
 * pairs and the termbase the glossary shows.
 */
public record Translations(List<TranslationSync.Stale> stale, List<Termbase.Term> terms) {
    public static final Translations NONE = new Translations(List.of(), List.of());

    public Translations {
        stale = List.copyOf(stale);
        terms = List.copyOf(terms);
    }

    /** The stale pair of {@code topic}'s section {@code id} ("" for the lead text), if the page in {@code lang} shows it stale. */
    public Optional<TranslationSync.Stale> staleIn(String topic, String id, Lang lang) {
        return stale.stream().filter(s -> s.topic().equals(topic) && s.section().equals(id) && s.staleIn(lang)).findFirst();
    }
}
