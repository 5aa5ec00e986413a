package dev.socknotes.verify;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import dev.socknotes.snippet.Block;
import dev.socknotes.snippet.PageSection;
import dev.socknotes.snippet.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the translation checks read of a section: its prose blocks (never its run snippets and
 * output blocks, which Parity compares byte for byte, nor display code), as the page's parsed
 * Markdown tree gives them.
 */
public final class SectionProse {
    private SectionProse() {}

    /** A piece of prose text with the source offset of its first character. */
    public record Piece(String text, int offset) {}

    /**
     * The hash the sync records keep: the heading and the prose, whitespace runs folded into one
     * space (re-wrapping a paragraph is not a change a translator has to follow).
     */
    public static String hash(PageSection section) {
        StringBuilder sb = new StringBuilder();
        if (section.heading() != null) {
            sb.append(section.heading().getChars()).append('\n');
        }
        for (Block.Prose p : section.prose()) {
            sb.append(p.node().getChars()).append('\n');
        }
        String folded = sb.toString().replaceAll("\\s+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(folded.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The prose's text outside inline code spans, piece by piece (each with its source offset). */
    public static void text(PageSection section, Consumer<Piece> each) {
        walk(section, node -> {
            if (node instanceof Text t && !inCode(t)) {
                each.accept(new Piece(t.getChars().toString(), t.getStartOffset()));
            }
        });
    }

    /** The inline code spans of the prose, with the offset of their content. */
    public static List<Piece> codeSpans(PageSection section) {
        List<Piece> spans = new ArrayList<>();
        walk(section, node -> {
            if (node instanceof Code c) {
                spans.add(new Piece(c.getText().toString(), c.getText().getStartOffset()));
            }
        });
        return spans;
    }

    /** The targets of the prose's links (claim references excluded: the claims check has them). */
    public static List<Piece> linkTargets(PageSection section) {
        List<Piece> links = new ArrayList<>();
        walk(section, node -> {
            if (node instanceof Link l && !l.getUrl().toString().startsWith(ParsedPage.CLAIM_SCHEME)) {
                links.add(new Piece(l.getUrl().toString(), l.getUrl().getStartOffset()));
            } else if (node instanceof AutoLink a) {
                links.add(new Piece(a.getUrl().toString(), a.getUrl().getStartOffset()));
            }
        });
        return links;
    }

    private static void walk(PageSection section, Consumer<Node> visit) {
        for (Block.Prose p : section.prose()) {
            visit.accept(p.node());
            for (Node n : p.node().getDescendants()) {
                visit.accept(n);
            }
        }
    }

    private static boolean inCode(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof Code) {
                return true;
            }
        }
        return false;
    }
}
