package dev.socknotes.snippet;

import com.vladsch.flexmark.util.ast.Node;
import dev.socknotes.content.Page;
import java.util.List;

/**
 * A page after parsing, the one typed model every later stage reads: its run snippets, its
 * headings, the links to other topics and the claims its prose cites, and its top-level blocks in
 * sections. The Markdown nodes the blocks hold belong to one parse of the page's source.
 *
 * @param sections the page's top-level blocks, typed, in sections (the lead text first, id "")
 */
public record ParsedPage(Page page, List<Snippet> snippets, List<HeadingRef> headings, List<TopicLink> links,
                         List<ClaimRef> claimRefs, List<PageSection> sections) {

    /** The URL scheme of a prose reference to a claim of the ledger: {@code [](claim:ID)}. */
    public static final String CLAIM_SCHEME = "claim:";

    /** The section with this explicit id ("" for the lead text), if the page has one. */
    public java.util.Optional<PageSection> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * A heading.
     *
     * @param explicitId the {@code {#id}} written in the source, or null
     */
    public record HeadingRef(int level, String explicitId, int line, Node node) {}

    /**
     * A relative link to another topic's source file ({@code other.md#section}).
     *
     * @param targetTopic topic key of the target
     * @param anchor      section id or null
     */
    public record TopicLink(String targetTopic, String anchor, int line, int column, Node node) {}

    /**
     * A reference to a claim of the ledger, {@code [](claim:ID)}, in the prose of a section.
     *
     * @param section explicit id of the section it stands in, or null before the first one
     * @param column  column of the claim id
     */
    public record ClaimRef(String claimId, String section, int line, int column, Node node) {}
}
