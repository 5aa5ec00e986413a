package dev.socknotes.verify;

import com.vladsch.flexmark.ast.Link;
import dev.socknotes.content.Lang;
import dev.socknotes.content.SourceText;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.diagnostic.Severity;
import dev.socknotes.snippet.Markdown;
import dev.socknotes.snippet.PageSection;
import dev.socknotes.snippet.ParsedPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The termbase ({@code data/terms.yaml}): for each concept the English term, the preferred Chinese
 * term, the Chinese variants to avoid (and longer phrases containing one that are right, such as
 * 半连接队列), and its meaning in both languages (Markdown, shown on the glossary page). An avoided
 * variant in Chinese prose, outside code and outside quotation marks (“半连接”, where a text names
 * the wrong word), is reported at its line and column.
 */
public final class Termbase {
    public static final String FILE = "terms.yaml";
    private static final Set<String> KEYS = Set.of("en", "zh", "avoid", "allow", "meaning_en", "meaning_zh");

    /**
     * @param en      the English term (inline Markdown)
     * @param zh      the preferred Chinese term (inline Markdown)
     * @param avoid   Chinese variants not to use for it
     * @param allow   phrases that contain an avoided variant and are right
     * @param meaning by language (inline Markdown, may link to topics: {@code states.md#overview})
     * @param line    its line in terms.yaml
     */
    public record Term(String en, String zh, List<String> avoid, List<String> allow, Map<Lang, String> meaning, int line) {
        public String name(Lang lang) {
            return lang == Lang.ZH ? zh : en;
        }
    }

    public record Loaded(List<Term> terms, List<Diagnostic> diagnostics) {}

    public static Loaded load(Path file, Path display) throws IOException {
        List<Term> terms = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Node item : YamlList.items(file, display, "terms.yaml must be a list of terms (- en: ...)", errors)) {
            int line = item.getStartMark().getLine() + 1;
            if (!(item instanceof MappingNode map)) {
                errors.add(Diagnostic.error(display, line, item.getStartMark().getColumn() + 1, "a term is a mapping: en, zh, avoid, allow, meaning_en, meaning_zh"));
                continue;
            }
            java.util.Map<String, Node> f = new java.util.HashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if (!KEYS.contains(key)) {
                    errors.add(Diagnostic.error(display, t.getKeyNode().getStartMark().getLine() + 1, t.getKeyNode().getStartMark().getColumn() + 1,
                            "unknown term field '" + key + "'; fields: " + String.join(", ", KEYS.stream().sorted().toList())));
                }
                f.put(key, t.getValueNode());
            }
            String en = scalar(f.get("en"));
            String zh = scalar(f.get("zh"));
            if (en.isEmpty() || zh.isEmpty()) {
                errors.add(Diagnostic.error(display, line, 1, "a term needs both 'en' and 'zh'"));
                continue;
            }
            terms.add(new Term(en, zh, list(f.get("avoid")), list(f.get("allow")),
                    Map.of(Lang.EN, scalar(f.get("meaning_en")), Lang.ZH, scalar(f.get("meaning_zh"))), line));
        }
        return new Loaded(List.copyOf(terms), errors);
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue().strip() : "";
    }

    private static List<String> list(Node node) {
        return node instanceof SequenceNode s ? s.getValue().stream().map(Termbase::scalar).filter(v -> !v.isEmpty()).toList() : List.of();
    }

    /**
     * A link from a term's meaning to a topic, {@code [states](states.md#overview)}.
     *
     * @param anchor section id, or null
     * @param url    as written
     * @param line   the term's line in terms.yaml
     */
    public record TopicLink(String topic, String anchor, String url, int line) {}

    /** The links from the termbase's meanings to topics. */
    public static List<TopicLink> topicLinks(List<Term> terms) {
        List<TopicLink> links = new ArrayList<>();
        for (Term t : terms) {
            for (String meaning : t.meaning().values()) {
                for (var n : Markdown.PARSER.parse(meaning).getDescendants()) {
                    if (n instanceof Link l && l.getUrl().toString().matches("[\\w/.-]+\\.md(#.*)?")) {
                        String url = l.getUrl().toString();
                        int hash = url.indexOf('#');
                        links.add(new TopicLink(url.substring(0, url.indexOf(".md")), hash < 0 ? null : url.substring(hash + 1), url, t.line()));
                    }
                }
            }
        }
        return links;
    }

    /** Avoided variants in a Chinese page's prose, each at its line and column. */
    public List<Diagnostic> check(ParsedPage zh, List<Term> terms, boolean strict) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        SourceText src = zh.page().source();
        for (PageSection section : zh.sections()) {
            SectionProse.text(section, piece -> {
                for (Term term : terms) {
                    for (String variant : term.avoid()) {
                        for (int i = piece.text().indexOf(variant); i >= 0; i = piece.text().indexOf(variant, i + 1)) {
                            if (allowed(piece.text(), i, variant, term) || quoted(piece.text(), i, variant)) {
                                continue;
                            }
                            int offset = piece.offset() + i;
                            int line = src.lineOf(offset);
                            diagnostics.add(new Diagnostic(src.path(), line, src.columnOf(offset), strict ? Severity.ERROR : Severity.WARNING,
                                    "'" + variant + "' for " + term.en() + ": the termbase's term is '" + term.zh() + "' (data/" + FILE + ":" + term.line() + ")",
                                    src.line(line), List.of()));
                        }
                    }
                }
            });
        }
        return diagnostics;
    }

    private static boolean allowed(String text, int at, String variant, Term term) {
        for (String phrase : term.allow()) {
            int k = phrase.indexOf(variant);
            if (k >= 0 && text.startsWith(phrase, at - k) && at - k >= 0) {
                return true;
            }
        }
        return false;
    }

    /** “半连接”: the word itself named, not used. */
    private static boolean quoted(String text, int at, String variant) {
        int end = at + variant.length();
        return at > 0 && end < text.length() && text.charAt(at - 1) == '“' && text.charAt(end) == '”';
    }
}
