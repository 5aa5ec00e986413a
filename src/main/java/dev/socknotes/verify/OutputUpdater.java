package dev.socknotes.verify;

import dev.socknotes.content.Lang;
import dev.socknotes.content.SourceText;
import dev.socknotes.snippet.OutputPattern;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.snippet.Snippet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Update mode: rewrites or inserts the {@code output} blocks of a topic in both languages
 * together, touching nothing else. An expected block whose wildcards still match is kept as written.
 */
public final class OutputUpdater {

    /** A page's new text and what changed in it (empty when nothing changed). */
    public record PageUpdate(Lang lang, SourceText source, String newText, List<String> changes) {}

    /**
     * @param evaluations from {@link Verifier}, one per snippet index
     * @param selected    which snippets may be updated (the topic#id filter)
     */
    public Map<Lang, PageUpdate> update(Map<Lang, ParsedPage> pages, List<Verifier.Evaluation> evaluations,
                                        Predicate<Snippet> selected) {
        Map<Lang, PageUpdate> out = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            ParsedPage page = pages.get(lang);
            SourceText src = page.page().source();
            record Edit(int start, int end, String text, String message) {}
            List<Edit> edits = new ArrayList<>();
            for (Verifier.Evaluation ev : evaluations) {
                Snippet s = page.snippets().get(ev.index());
                if (ev.actual().isEmpty() || !s.options().hasOutputBlock() || ev.matches() || !selected.test(s)) {
                    continue;
                }
                String prefix = src.line(s.fenceLine()).substring(0, prefixLength(src.line(s.fenceLine()), s.indent()));
                String block = block(prefix, ev.actual().get());
                String where = src.path().toString().replace('\\', '/') + ":" + s.fenceLine() + " " + s.reference();
                if (s.expected().isPresent()) {
                    var e = s.expected().get();
                    int before = OutputPattern.lines(e.text()).size();
                    int after = OutputPattern.lines(ev.actual().get()).size();
                    edits.add(new Edit(e.startOffset(), e.endOffset(), block,
                            where + ": output updated (" + before + " → " + after + " lines)"));
                } else {
                    edits.add(new Edit(s.fenceEndOffset(), s.fenceEndOffset(), block,
                            where + ": output block inserted (" + OutputPattern.lines(ev.actual().get()).size() + " lines)"));
                }
            }
            String text = src.text();
            StringBuilder sb = new StringBuilder(text);
            edits.sort(Comparator.comparingInt(Edit::start).reversed());
            for (Edit e : edits) {
                String replacement = e.text();
                if (e.start() == e.end() && e.start() > 0 && text.charAt(e.start() - 1) != '\n') {
                    replacement = "\n" + replacement;
                }
                sb.replace(e.start(), e.end(), replacement);
            }
            List<String> messages = edits.stream().sorted(Comparator.comparingInt(Edit::start)).map(Edit::message).toList();
            out.put(lang, new PageUpdate(lang, src, sb.toString(), messages));
        }
        return out;
    }

    /** The chars of the fence line before the fence marker (indentation, blockquote markers). */
    private static int prefixLength(String line, int indentColumns) {
        int chars = line.offsetByCodePoints(0, Math.min(indentColumns, line.codePointCount(0, line.length())));
        return Math.min(chars, line.length());
    }

    static String block(String prefix, String output) {
        int longestRun = 0;
        int run = 0;
        for (char c : output.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String fence = "`".repeat(Math.max(3, longestRun + 1));
        StringBuilder sb = new StringBuilder(prefix).append(fence).append("output\n");
        for (String line : OutputPattern.lines(output)) {
            sb.append(line.isEmpty() ? prefix.stripTrailing() : prefix + line).append('\n');
        }
        return sb.append(prefix).append(fence).append('\n').toString();
    }
}
