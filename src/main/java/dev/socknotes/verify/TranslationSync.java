package dev.socknotes.verify;

import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.diagnostic.Severity;
import dev.socknotes.snippet.PageSection;
import dev.socknotes.snippet.ParsedPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which sections of a topic changed in one language (or both) since their pair was last declared
 * in sync ({@link TranslationLock}); a section or topic without a record counts as in sync.
 */
public final class TranslationSync {
    private TranslationSync() {}

    public enum State {
        /** One language changed since the sync, the other did not: the other may be behind. */
        BEHIND("behind"),
        /** Both changed since the sync: someone has to compare them. */
        CHANGED_IN_BOTH("changed-in-both");

        private final String jsonName;

        State(String jsonName) {
            this.jsonName = jsonName;
        }

        /** As in verification.json and the {@code data-translation-stale} attribute. */
        public String jsonName() {
            return jsonName;
        }
    }

    /** A section's heading (or lead text) in one page. */
    public record Place(Path file, int line) {
        @Override
        public String toString() {
            return file.toString().replace('\\', '/') + ":" + line;
        }
    }

    /**
     * A stale section pair.
     *
     * @param section its id ("" for the lead text)
     * @param behind  the language that may be behind the other, or empty when both changed
     */
    public record Stale(String topic, String section, State state, Optional<Lang> behind, Place zh, Place en) {
        /** Whether the page in {@code lang} shows this section as stale. */
        public boolean staleIn(Lang lang) {
            return behind.isEmpty() || behind.get() == lang;
        }

        public String reference() {
            return topic + "#" + section;
        }
    }

    /** The current hashes of a topic's section pairs, in page order (what sync mode records). */
    public static Map<String, TranslationLock.Record> hashes(ParsedPage en, ParsedPage zh) {
        Map<String, TranslationLock.Record> hashes = new LinkedHashMap<>();
        for (PageSection s : en.sections()) {
            zh.section(s.id()).ifPresent(z -> hashes.put(s.id(), new TranslationLock.Record(SectionProse.hash(s), SectionProse.hash(z))));
        }
        return hashes;
    }

    public static List<Stale> stale(String topic, ParsedPage en, ParsedPage zh, TranslationLock.Records lock) {
        List<Stale> stale = new ArrayList<>();
        hashes(en, zh).forEach((id, now) -> lock.get(topic, id).ifPresent(then -> {
            boolean enChanged = !now.en().equals(then.en());
            boolean zhChanged = !now.zh().equals(then.zh());
            if (!enChanged && !zhChanged) {
                return;
            }
            Place zhPlace = new Place(zh.page().source().path(), zh.section(id).orElseThrow().headingLine());
            Place enPlace = new Place(en.page().source().path(), en.section(id).orElseThrow().headingLine());
            stale.add(enChanged && zhChanged ? new Stale(topic, id, State.CHANGED_IN_BOTH, Optional.empty(), zhPlace, enPlace)
                    : new Stale(topic, id, State.BEHIND, Optional.of(enChanged ? Lang.ZH : Lang.EN), zhPlace, enPlace));
        }));
        return stale;
    }

    /** The console's line for a stale pair, at the place that may be behind (zh when both changed). */
    public static Diagnostic diagnostic(Stale s, boolean strict) {
        String what = PageSection.display(s.section());
        Place at = s.behind().orElse(Lang.ZH) == Lang.ZH ? s.zh() : s.en();
        Place other = at == s.zh() ? s.en() : s.zh();
        String message = s.state() == State.BEHIND
                ? what + " may be behind " + other + ", changed since the last sync"
                : what + " and " + other + " both changed since the last sync, needs a check";
        String only = s.section().isEmpty() ? s.topic() : s.reference();
        return new Diagnostic(at.file(), at.line(), 0, strict ? Severity.ERROR : Severity.WARNING, message, null,
                List.of("once the translation is checked (or brought up to date): mvn -B package -Dsocknotes.mode=sync -Dsocknotes.only=" + only));
    }
}
