package dev.socknotes.render;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import dev.socknotes.snippet.Markdown;
import dev.socknotes.snippet.ParsedPage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a page's links to other topics' source files ({@code shutdown.md#half-close},
 * {@code ../x.md}) at those topics' pages, as flexmark renders them: the targets are the ones
 * PageParser resolved and LinkChecker checked. Every view shares one folder layout, so one URL fits all.
 * References to claims are rendered by the page's {@link ClaimReferences} renderer.
 */
final class TopicLinkResolver implements LinkResolver {
    private final Map<String, String> pageUrls;
    private final HtmlRenderer renderer;
    private boolean resolved;

    private TopicLinkResolver(Map<String, String> pageUrls, NodeRendererFactory claimReferences) {
        this.pageUrls = pageUrls;
        this.renderer = HtmlRenderer.builder(Markdown.OPTIONS).nodeRendererFactory(claimReferences).linkResolverFactory(new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return TopicLinkResolver.this;
            }
        }).build();
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
        return new TopicLinkResolver(urls, claims.renderer(parsed.page().lang(), parsed.page().topicKey()));
    }

    private static String pageUrl(Path from, String topic, String anchor) {
        Path target = Path.of(topic + ".html");
        String rel = (from == null ? target : from.relativize(target)).toString().replace('\\', '/');
        return rel + (anchor == null ? "" : "#" + anchor);
    }

    /** {@code node} as HTML with its topic links pointing at pages. */
    String render(Node node) {
        resolved = false;
        return renderer.render(node);
    }

    /** Whether the last {@link #render} resolved a topic link. */
    boolean resolvedAny() {
        return resolved;
    }

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        String url = pageUrls.get(link.getUrl());
        if (url == null) {
            return link;
        }
        resolved = true;
        return link.withUrl(url).withStatus(LinkStatus.VALID);
    }
}
