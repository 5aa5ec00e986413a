package dev.socknotes.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.attributes.internal.AttributesAttributeProvider;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.socknotes.snippet.Markdown;
import dev.socknotes.snippet.ParsedPage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders a page's blocks from its parsed document (HTML, heading content, plain text for the
 * search index), pointing its links to other topics' source files ({@code shutdown.md#half-close},
 * {@code ../x.md}) at those topics' pages: the targets are the ones PageParser resolved and
 * LinkChecker checked. Every view shares one folder layout, so one URL fits all. References to
 * claims are rendered by the page's {@link ClaimReferences} renderer.
 */
final class TopicLinkResolver implements LinkResolver {
    private final Map<String, String> pageUrls;
    private final HtmlRenderer renderer;
    private final HtmlRenderer headingContent;
    private final HtmlRenderer legacy;
    private final String idPrefix;

    /**
     * @param claimReferences       the claim references' renderer
     * @param legacyClaimReferences the same, its attributes escaped as jsoup serialises them (see {@link #legacy})
     */
    private TopicLinkResolver(Map<String, String> pageUrls, NodeRendererFactory claimReferences,
                              NodeRendererFactory legacyClaimReferences, String idPrefix) {
        this.pageUrls = pageUrls;
        this.idPrefix = idPrefix;
        this.renderer = builder(claimReferences).build();
        NodeRenderer childrenOnly = () -> Set.of(new NodeRenderingHandler<>(Heading.class, (heading, context, html) -> context.renderChildren(heading)));
        this.headingContent = builder(claimReferences).nodeRendererFactory(options -> childrenOnly).build();
        NodeRenderer jsoupText = () -> Set.of(
                new NodeRenderingHandler<>(Text.class, (text, context, html) ->
                        html.raw(LegacySerialisation.text(Escaping.normalizeEOL(text.getChars().unescape())))),
                new NodeRenderingHandler<>(Code.class, (code, context, html) -> {
                    html.withAttr().tag("code");
                    html.raw(LegacySerialisation.text(Escaping.collapseWhitespace(code.getText(), true)));
                    html.tag("/code");
                }));
        this.legacy = builder(legacyClaimReferences).nodeRendererFactory(options -> jsoupText).build();
    }

    /**
     * flexmark renders the links of a node that is not a whole document only where the option
     * named DO_NOT_RENDER_LINKS is set: it means "not in a document" (HtmlRenderer.MainNodeRenderer
     * starts a node outside a document with link rendering off unless it is set, and turns it on
     * for a Document). Blocks are rendered as nodes of their page's document, whose reference
     * definitions and heading ids they use.
     */
    private HtmlRenderer.Builder builder(NodeRendererFactory claimReferences) {
        HtmlRenderer.Builder builder = HtmlRenderer.builder(new MutableDataSet(Markdown.OPTIONS).set(HtmlRenderer.DO_NOT_RENDER_LINKS, true))
                .nodeRendererFactory(claimReferences).linkResolverFactory(new IndependentLinkResolverFactory() {
                    @Override
                    public LinkResolver apply(LinkResolverBasicContext context) {
                        return TopicLinkResolver.this;
                    }
                });
        return idPrefix.isEmpty() ? builder : builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public Set<Class<?>> getAfterDependents() {
                return Set.of(AttributesAttributeProvider.Factory.class); // after {#id} has set the id
            }

            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                // flexmark may ask twice for one element's attributes; its id is prefixed once
                Set<Node> prefixed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                return (node, part, attributes) -> {
                    String id = attributes.getValue("id");
                    if (!id.isEmpty() && prefixed.add(node)) {
                        attributes.replaceValue("id", idPrefix + id);
                    }
                };
            }
        });
    }

    /**
     * The resolver of {@code parsed}'s topic links.
     *
     * @param idPrefix put before every id the HTML has (the side-by-side view's 中文 column), or ""
     */
    static TopicLinkResolver of(ParsedPage parsed, ClaimReferences claims, java.util.List<dev.socknotes.verify.Termbase.TopicLink> termbase,
                                String idPrefix) {
        Path from = Path.of(parsed.page().topicKey()).getParent();
        Map<String, String> urls = new HashMap<>();
        for (ParsedPage.TopicLink link : parsed.links()) {
            if (link.node() instanceof com.vladsch.flexmark.ast.LinkNodeBase l) {
                urls.put(l.getUrl().toString(), pageUrl(from, link.targetTopic(), link.anchor()));
            }
        }
        // the termbase's meanings, shown on the glossary, link to topics too
        termbase.forEach(l -> urls.putIfAbsent(l.url(), pageUrl(from, l.topic(), l.anchor())));
        return new TopicLinkResolver(urls, claims.renderer(parsed.page().lang(), parsed.page().topicKey()),
                claims.renderer(parsed.page().lang(), parsed.page().topicKey(), LegacySerialisation::attribute), idPrefix);
    }

    private static String pageUrl(Path from, String topic, String anchor) {
        Path target = Path.of(topic + ".html");
        String rel = (from == null ? target : from.relativize(target)).toString().replace('\\', '/');
        return rel + (anchor == null ? "" : "#" + anchor);
    }

    /** A block of the page (a node of its document) as HTML, its topic links pointing at pages. */
    String render(Node block) {
        return legacySerialisation(block.getChars()) ? legacy.render(block) + "\n" : renderer.render(block);
    }

    /**
     * Whether earlier builds serialised this block through jsoup ({@link LegacySerialisation}): they
     * rewrote the links of every block whose HTML named a ".md" file that way (and a blank line
     * followed it). Such a block's source names a ".md" file too.
     */
    private static boolean legacySerialisation(CharSequence source) {
        return source.toString().contains(".md");
    }

    /**
     * The plain text of a block, for the search index: its text and code, a line break after each
     * paragraph, item, row and line. (flexmark 0.62's TextCollectingVisitor returns source
     * characters around some links in list items, so the text is collected here.)
     */
    static String text(Node block) {
        StringBuilder text = new StringBuilder();
        collectText(block, text);
        return text.toString();
    }

    private static void collectText(Node node, StringBuilder text) {
        switch (node) {
            case Text t -> text.append(t.getChars().unescape());
            case Code c -> text.append(c.getText());
            case HtmlEntity e -> text.append(e.getChars().unescape());
            case AutoLink a -> text.append(a.getText());
            case SoftLineBreak b -> text.append('\n');
            case HardLineBreak b -> text.append('\n');
            case CodeBlock c -> text.append(c.getChars());
            case HtmlInline h -> text.append(h.getChars()); // shown as text: pages escape raw HTML
            case AttributesNode a -> { } // {#id}: no text
            case TableSeparator s -> { }
            default -> {
                node.getChildren().forEach(child -> collectText(child, text));
                if (node instanceof TableRow && !text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                    text.setLength(text.length() - 1); // the space after its last cell
                }
                if (node instanceof Block || node instanceof TableRow) {
                    text.append('\n');
                } else if (node instanceof TableCell) {
                    text.append(' ');
                }
            }
        }
    }

    /** The inner HTML of a heading of the page: its content without the element and its id. */
    String headingContent(Heading heading) {
        StringBuilder html = new StringBuilder();
        headingContent.render(heading, html, -1); // -1: no line end after the content
        return html.toString();
    }

    /** A document the build generated from data (the termbase's table), as HTML, its topic links pointing at pages. */
    String renderGenerated(Document generated) {
        StringBuilder html = new StringBuilder();
        generated.getChildren().forEach(block -> html.append(render(block)));
        return html.toString();
    }

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        String url = pageUrls.get(link.getUrl());
        if (url == null) {
            return link;
        }
        return link.withUrl(url).withStatus(LinkStatus.VALID);
    }
}
