package dev.socknotes.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socknotes.content.Lang;
import java.util.ArrayList;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offline search index, built at build time and shipped as a script ({@code search-index.js}
 * sets a global), because pages opened from file:// cannot fetch JSON. One document per section
 * per language; text, headings, code and snippet output are all indexed.
 *
 * <p>Why our own index rather than a library: no CJK-capable search library is published as a
 * webjar on Maven Central, the build must not need npm, and the tokenizer is small. Chinese has
 * no spaces, so Han characters are indexed as unigrams and bigrams (no word segmentation is
 * assumed); Latin text as lower-case words, with identifiers such as CLOSE_WAIT also split at
 * '_'. assets/js/search.js tokenizes queries the same way.
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One searchable section. */
    record Doc(Lang lang, String url, String title, String heading, String text) {}

    private SearchIndex() {}

    public static String build(List<RenderedTopic> topics) {
        List<Doc> docs = new ArrayList<>();
        for (RenderedTopic t : topics) {
            for (Lang lang : Lang.values()) {
                RenderedPage p = t.page(lang);
                for (Section s : p.sections()) {
                    String page = lang.dir() + "/" + t.key() + ".html";
                    List<Chunk.SearchEntry> entries = s.chunks().stream().flatMap(c -> c.entries().stream()).toList();
                    if (!entries.isEmpty()) {
                        // a generated table (the claims ledger): each row is a result of its own, with its anchor
                        entries.forEach(e -> docs.add(new Doc(lang, page + "#" + e.anchor(), p.title(), e.heading(),
                                e.text().replaceAll("\\s+", " ").strip())));
                        continue;
                    }
                    String text = String.join("\n", s.chunks().stream().map(Chunk::text).toList());
                    String url = page + (s.id() == null ? "" : "#" + s.id());
                    String heading = s.id() == null ? "" : s.headingText();
                    String body = text.replaceAll("[ \\t]+", " ").replaceAll("\\n{2,}", "\n").strip();
                    if (!body.isEmpty() || !heading.isEmpty()) {
                        docs.add(new Doc(lang, url, p.title(), heading, body));
                    }
                }
            }
        }
        // documents are visited in order, so each token's postings are in document order already
        Map<String, Map<Integer, Integer>> postings = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            for (String token : tokens(d.title() + "\n" + d.heading() + "\n" + d.heading() + "\n" + d.text())) {
                postings.computeIfAbsent(token, k -> new LinkedHashMap<>()).merge(i, 1, Integer::sum);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode docArray = root.putArray("docs");
        for (Doc d : docs) {
            docArray.addObject().put("lang", d.lang().dir()).put("url", d.url()).put("title", d.title())
                    .put("heading", d.heading()).put("text", d.text());
        }
        ObjectNode index = root.putObject("index");
        new TreeMap<>(postings).forEach((token, byDoc) -> {
            ArrayNode a = index.putArray(token);
            byDoc.forEach((doc, tf) -> a.add(doc).add(tf));
        });
        try {
            // JSON is valid JavaScript; '<' is escaped so the file can never close a script element.
            return "window.SOCKNOTES_SEARCH = " + JSON.writeValueAsString(root).replace("<", "\\u003c") + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Index terms of a text; the same rules as tokenize() in assets/js/search.js. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        StringBuilder han = new StringBuilder();
        lower.codePoints().forEach(cp -> {
            if (isHan(cp)) {
                flushWord(word, out);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp) || cp == '_') {
                flushHan(han, out);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, out);
                flushHan(han, out);
            }
        });
        flushWord(word, out);
        flushHan(han, out);
        return out;
    }

    private static void flushWord(StringBuilder word, List<String> out) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        out.add(w);
        if (w.contains("_")) {
            for (String part : w.split("_")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        word.setLength(0);
    }

    private static void flushHan(StringBuilder han, List<String> out) {
        int[] cps = han.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            out.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
                out.add(new String(cps, i, 2));
            }
        }
        han.setLength(0);
    }

    static boolean isHan(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

}
