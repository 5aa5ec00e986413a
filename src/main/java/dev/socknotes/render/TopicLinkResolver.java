package dev.socknotes.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.socknotes.snippet.Markdown;
import dev.socknotes.snippet.ParsedPage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Points a page's links to other topics' source files ({@code shutdown.md#half-close},
 * {@code ../x.md}) at those topics' pages, as flexmark renders them: the targets are the ones
 * PageParser resolved and LinkChecker checked. Every view shares one folder layout, so one URL fits all.
 * References to claims are rendered by the page's {@link ClaimReferences} renderer.
 */
final class TopicLinkResolver implements LinkResolver {
    private final Map<String, String> pageUrls;
    private final HtmlRenderer renderer;
    private final HtmlRenderer headingContent;
    private final HtmlRenderer legacy;

    /**
     * @param claimReferences       the claim references' renderer
     * @param legacyClaimReferences the same, its attributes escaped as jsoup serialises them (see {@link #legacy})
     */
    private TopicLinkResolver(Map<String, String> pageUrls, NodeRendererFactory claimReferences,
                              NodeRendererFactory legacyClaimReferences) {
        this.pageUrls = pageUrls;
        this.renderer = builder(claimReferences).build();
        NodeRenderer childrenOnly = () -> Set.of(new NodeRenderingHandler<>(Heading.class, (heading, context, html) -> context.renderChildren(heading)));
        this.headingContent = builder(claimReferences).nodeRendererFactory(options -> childrenOnly).build();
        NodeRenderer jsoupText = () -> Set.of(
                new NodeRenderingHandler<>(Text.class, (text, context, html) ->
                        html.raw(jsoupText(Escaping.normalizeEOL(text.getChars().unescape())))),
                new NodeRenderingHandler<>(Code.class, (code, context, html) -> {
                    html.withAttr().tag("code");
                    html.raw(jsoupText(Escaping.collapseWhitespace(code.getText(), true)));
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
        return HtmlRenderer.builder(new MutableDataSet(Markdown.OPTIONS).set(HtmlRenderer.DO_NOT_RENDER_LINKS, true))
                .nodeRendererFactory(claimReferences).linkResolverFactory(new IndependentLinkResolverFactory() {
                    @Override
                    public LinkResolver apply(LinkResolverBasicContext context) {
                        return TopicLinkResolver.this;
                    }
                });
    }

    /** The resolver of {@code parsed}'s topic links. */
    static TopicLinkResolver of(ParsedPage parsed, ClaimReferences claims, java.util.List<dev.socknotes.verify.Termbase.TopicLink> termbase) {
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
                claims.renderer(parsed.page().lang(), parsed.page().topicKey(), TopicLinkResolver::jsoupAttribute));
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
     * Whether earlier builds serialised this block through jsoup: they rewrote the links of every
     * block whose HTML named a ".md" file that way (in text, quotes are not escaped, and a blank
     * line follows), and the site stays byte-identical. Such a block's source names a ".md" file too.
     */
    private static boolean legacySerialisation(CharSequence source) {
        return source.toString().contains(".md");
    }

    /** An attribute value as jsoup serialises it: {@code & "} and no-break spaces escaped. */
    private static String jsoupAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("\u00a0", "&nbsp;");
    }

    /** Text as jsoup serialises it: only {@code & < >} and no-break spaces escaped. */
    private static String jsoupText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
    }

    /** The inner HTML of a heading of the page: its content without the element and its id. */
    String headingContent(Heading heading) {
        StringBuilder html = new StringBuilder();
        headingContent.render(heading, html, -1); // -1: no line end after the content
        return html.toString();
    }

    /** Markdown the build generated from data (the termbase's table), as HTML, its topic links pointing at pages. */
    String renderGenerated(String markdown) {
        StringBuilder html = new StringBuilder();
        Markdown.PARSER.parse(markdown).getChildren().forEach(block -> html.append(render(block)));
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
