package dev.socknotes.render;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import dev.socknotes.content.Lang;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.verify.ClaimLedger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Entities;

/**
 * Prose references to claims, {@code [](claim:ID)}, rendered as the claim's verdict badge in the
 * reader's language, linking to the claim's row in the ledger page and titled with its wording.
 * The claims stage has checked every id by now; a reference it does not know stays a plain link.
 */
final class ClaimReferences {
    private final Map<String, ClaimLedger.Claim> claims = new LinkedHashMap<>();
    private final UiStrings ui;

    ClaimReferences(UiStrings ui, List<ClaimLedger.Claim> claims) {
        this.ui = ui;
        claims.forEach(c -> this.claims.put(c.id(), c));
    }

    /** The flexmark renderer of the claim references of one page. */
    NodeRendererFactory renderer(Lang lang, String topicKey) {
        return renderer(lang, topicKey, ClaimReferences::esc);
    }

    /**
     * The same with attribute values escaped by {@code attributeEscape}: for the blocks that
     * earlier builds serialised through jsoup, which leaves apostrophes in attributes as they are.
     */
    NodeRendererFactory renderer(Lang lang, String topicKey, UnaryOperator<String> attributeEscape) {
        Path from = Path.of(topicKey).getParent();
        Path ledger = Path.of(GeneratedPages.CLAIMS + ".html");
        String ledgerUrl = (from == null ? ledger : from.relativize(ledger)).toString().replace('\\', '/');
        NodeRenderer renderer = () -> Set.of(new NodeRenderingHandler<>(Link.class, (link, context, html) -> {
            String url = link.getUrl().toString();
            ClaimLedger.Claim claim = url.startsWith(ParsedPage.CLAIM_SCHEME)
                    ? claims.get(url.substring(ParsedPage.CLAIM_SCHEME.length())) : null;
            if (claim == null) {
                context.delegateRender();
                return;
            }
            String wording = claim.statement().get(lang);
            html.raw("<a class=\"claim-ref\" href=\"" + attributeEscape.apply(ledgerUrl + "#claim-" + claim.id()) + "\" title=\""
                    + attributeEscape.apply(wording) + "\" aria-label=\""
                    + attributeEscape.apply(ui.get(lang, UiKey.of(claim.verdict())) + ": " + wording) + "\">"
                    + badge(ui, lang, claim.verdict()) + "</a>");
        }));
        return options -> renderer;
    }

    /** A verdict as the site shows it, on the ledger page and in the prose. */
    static String badge(UiStrings ui, Lang lang, ClaimLedger.Verdict v) {
        return "<span class=\"verdict verdict-" + v.key() + "\">" + esc(ui.get(lang, UiKey.of(v))) + "</span>";
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
