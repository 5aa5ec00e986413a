package dev.socknotes.render;

import java.util.List;

/**
 * A part of a page that starts at a heading with an explicit id ({@code ## 现象 {#symptom}}),
 * or the part before the first such heading (id null, no heading).
 *
 * @param id          the explicit heading id shared by both languages, or null for the intro
 * @param level       heading level 1..6 (0 for the intro)
 * @param headingHtml the heading's inner HTML (escaped), or "" for the intro
 * @param headingText the heading's plain text (for the search index), or "" for the intro
 * @param chunks      the body, prose and snippets in order
 * @param stale       when the section's translation pair is stale in this language: the
 *                    {@code data-translation-stale} value and the notice's HTML; null when in sync
 */
public record Section(String id, int level, String headingHtml, String headingText, List<Chunk> chunks, Stale stale) {
    public Section {
        chunks = List.copyOf(chunks);
    }

    public Section(String id, int level, String headingHtml, String headingText, List<Chunk> chunks) {
        this(id, level, headingHtml, headingText, chunks, null);
    }

    /**
     * @param state      "behind" or "changed-in-both"
     * @param noticeHtml the notice in the reader's language, linking to the other language's section
     */
    public record Stale(String state, String noticeHtml) {}

    /** {@code <section data-translation-stale="…">}, the element a stale section stands in. */
    public static String staleSectionStart(Stale stale, String moreAttributes) {
        return "<section" + moreAttributes + " data-translation-stale=\"" + stale.state() + "\">\n";
    }
}
