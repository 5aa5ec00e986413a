package dev.socknotes.render;

import java.util.List;

/**
 * A part of a page that starts at a heading with an explicit id ({@code ## 现象 {#symptom}}),
 * or the part before the first such heading (id null, no heading).
 *
 * @param id          the explicit heading id shared by both languages, or null for the intro
 * @param level       heading level 1..6 (0 for the intro)
 * @param headingHtml the heading's inner HTML (escaped), or "" for the intro
 * @param chunks      the body, prose and snippets in order
 */
public record Section(String id, int level, String headingHtml, List<Chunk> chunks) {
    public Section {
        chunks = List.copyOf(chunks);
    }
}
