package dev.socknotes.render;

import java.util.List;

/**
 * A piece of a section's body. Sections alternate prose and snippets; because both languages
 * hold the same snippets in the same order, chunk i of a section lines up across languages.
 *
 * @param kind       what it is
 * @param html       finished, escaped HTML
 * @param columnHtml the same as it stands in its language's column of the side-by-side view,
 *                   where the 中文 column's ids carry {@link #SIDE_BY_SIDE_ZH_ID_PREFIX} (equal to
 *                   {@code html} when the chunk has no ids)
 * @param text       the plain text the HTML was made from, for the search index
 * @param entries    search results of their own that the chunk holds (the rows of the claims
 *                   ledger, each with its anchor); when there are any, the index takes them instead of {@code text}
 */
public record Chunk(Kind kind, String html, String columnHtml, String text, List<SearchEntry> entries) {
    public enum Kind { PROSE, SNIPPET }

    /** The prefix of ids in the 中文 column of the side-by-side view, which keeps every id unique and the English ones as links name them. */
    public static final String SIDE_BY_SIDE_ZH_ID_PREFIX = "zh-";

    public Chunk {
        entries = List.copyOf(entries);
    }

    /**
     * One search result inside a chunk.
     *
     * @param anchor  the id of the element it is, on its page
     * @param heading what the result is titled with
     * @param text    its plain text
     */
    public record SearchEntry(String anchor, String heading, String text) {}

    /** Prose without ids. */
    public static Chunk prose(String html, String text) {
        return new Chunk(Kind.PROSE, html, html, text, List.of());
    }

    public static Chunk prose(String html, String columnHtml, String text) {
        return new Chunk(Kind.PROSE, html, columnHtml, text, List.of());
    }

    public static Chunk snippet(String html, String text) {
        return new Chunk(Kind.SNIPPET, html, html, text, List.of());
    }
}
