package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.ContentScanner;
import dev.socknotes.content.Lang;
import dev.socknotes.content.Topic;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.PageParser;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.verify.LinkChecker;
import dev.socknotes.verify.Parity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Content folder → topics with both pages parsed once, their zh/en parity and links checked. */
record ContentStage(BuildConfig config) implements Stage<Path, List<TopicWork>> {
    @Override
    public Output<List<TopicWork>> run(Path contentDir) {
        ContentScanner.Scan scan = new ContentScanner(config.projectRoot()).scan(contentDir);
        List<Diagnostic> diagnostics = new ArrayList<>(scan.diagnostics());
        List<TopicWork> work = parse(scan.topics(), diagnostics);
        Parity parity = new Parity();
        work.forEach(w -> diagnostics.addAll(parity.check(w.en(), w.parsed().get(Lang.ZH))));
        checkLinks(work, diagnostics);
        int snippets = work.stream().mapToInt(w -> w.en().snippets().size()).sum();
        String drafts = scan.drafts().isEmpty() ? "" : " (" + scan.drafts().size() + " draft pages skipped)";
        return new Output<>(work, diagnostics, seconds -> "%d topics, %d pages, %d run snippets%s"
                .formatted(work.size(), work.size() * 2, snippets, drafts));
    }

    private static List<TopicWork> parse(List<Topic> topics, List<Diagnostic> diagnostics) {
        PageParser parser = new PageParser();
        List<TopicWork> work = new ArrayList<>();
        for (Topic t : topics) {
            Map<Lang, ParsedPage> parsed = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                PageParser.Result r = parser.parse(t.page(lang));
                diagnostics.addAll(r.diagnostics());
                parsed.put(lang, r.page());
            }
            work.add(new TopicWork(t, parsed));
        }
        return work;
    }

    /** Topic key → the anchors of its page in {@code lang}: explicit heading ids and snippet anchors. */
    static Map<String, Set<String>> anchors(List<TopicWork> work, Lang lang) {
        Map<String, Set<String>> anchors = new HashMap<>();
        for (TopicWork w : work) {
            Set<String> a = new HashSet<>();
            ParsedPage p = w.parsed().get(lang);
            p.headings().stream().filter(h -> h.explicitId() != null).forEach(h -> a.add(h.explicitId()));
            p.snippets().forEach(s -> a.add(s.anchor()));
            anchors.put(w.key(), a);
        }
        return anchors;
    }

    /** Links to other topics, checked against the anchors of the pages in the same language. */
    private static void checkLinks(List<TopicWork> work, List<Diagnostic> diagnostics) {
        LinkChecker links = new LinkChecker();
        for (Lang lang : Lang.values()) {
            Map<String, Set<String>> anchors = anchors(work, lang);
            for (TopicWork w : work) {
                diagnostics.addAll(links.check(w.parsed().get(lang), anchors));
            }
        }
    }
}
