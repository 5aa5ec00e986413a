package dev.socknotes.snippet;

import java.util.List;

/**
 * A part of a page that starts at a heading with an explicit id, or the lead text before the first
 * one (id "", level 0, no heading).
 *
 * @param id          the explicit heading id shared by both languages, or "" for the lead text
 * @param level       heading level (0 for the lead text)
 * @param headingLine 1-based line of the heading (for the lead text: of its first block, or of the body)
 * @param heading     the heading's node, or null for the lead text
 * @param blocks      the section's blocks in page order
 */
public record PageSection(String id, int level, int headingLine, com.vladsch.flexmark.util.ast.Node heading,
                          List<Block> blocks) {
    public PageSection {
        blocks = List.copyOf(blocks);
    }

    /** The id of the lead text, which no heading can have. */
    public static final String LEAD = "";

    public boolean isLead() {
        return id.isEmpty();
    }

    /** "#id", or "the lead text" for the part before the first heading, as messages name it. */
    public String display() {
        return display(id);
    }

    /** How messages name the section with this id. */
    public static String display(String id) {
        return id.equals(LEAD) ? "the lead text (before the first section)" : "section #" + id;
    }

    public List<Block.Prose> prose() {
        return blocks.stream().filter(b -> b instanceof Block.Prose).map(b -> (Block.Prose) b).toList();
    }

    public <T extends Block> List<T> blocks(Class<T> kind) {
        return blocks.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
