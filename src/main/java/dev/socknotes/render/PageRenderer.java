package dev.socknotes.render;

import com.vladsch.flexmark.ast.Heading;
import dev.socknotes.exec.Environment;
import dev.socknotes.content.Lang;
import dev.socknotes.snippet.Block;
import dev.socknotes.snippet.PageSection;
import dev.socknotes.verify.Termbase;
import dev.socknotes.verify.TranslationSync;
import dev.socknotes.verify.Translations;
import org.jsoup.nodes.Entities;
import dev.socknotes.snippet.Markdown;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.snippet.Snippet;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.VerifiedSnippet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a parsed page to HTML split into sections (at headings with explicit ids) and chunks
 * (prose and snippets), rewriting links to other topics' sources into links to their pages and
 * references to claims into their verdict badges.
 */
public final class PageRenderer {
    private final SnippetHtml snippetHtml;
    private final UiStrings ui;
    private final ClaimReferences claims;
    private final Translations translations;

    public PageRenderer(UiStrings ui) {
        this(ui, ClaimLedger.Checked.NONE, KernelResults.NONE, Translations.NONE);
    }

    /**
     * With the ledger's claims (the prose cites them, and their evidence is marked in the snippets'
     * outputs), the kernel matrix's records (named, and their differences shown, on each snippet) and
     * what the translation checks found (stale sections carry a notice; the termbase).
     */
    public PageRenderer(UiStrings ui, ClaimLedger.Checked claims, KernelResults kernels, Translations translations) {
        this.snippetHtml = new SnippetHtml(ui, claims, kernels);
        this.ui = ui;
        this.claims = new ClaimReferences(ui, claims.claims());
        this.translations = translations;
    }

    /**
     * @param verified what to show for each of the page's snippets, in order
     * @param intro    extra HTML placed at the top of the intro section (verdict badges), or ""
     */
    public RenderedPage render(ParsedPage parsed, List<VerifiedSnippet> verified, Environment env, String intro) {
        var page = parsed.page();
        var termLinks = Termbase.topicLinks(translations.terms());
        TopicLinkResolver html = TopicLinkResolver.of(parsed, claims, termLinks, "");
        // the 中文 column of the side-by-side view: the same HTML with its ids prefixed, rendered so
        TopicLinkResolver column = page.lang() == Lang.ZH
                ? TopicLinkResolver.of(parsed, claims, termLinks, Chunk.SIDE_BY_SIDE_ZH_ID_PREFIX) : html;
        Map<Snippet, VerifiedSnippet> bySnippet = new IdentityHashMap<>();
        for (VerifiedSnippet v : verified) {
            bySnippet.put(v.snippet(), v);
        }
        List<Section> sections = new ArrayList<>();
        List<TocEntry> toc = new ArrayList<>();
        SectionBuilder current = null;
        for (PageSection part : parsed.sections()) {
            if (part.isLead()) {
                current = new SectionBuilder(null, 0, "", "", stale(page, PageSection.LEAD));
                if (!intro.isEmpty()) {
                    current.prose(intro + "\n", intro + "\n", ""); // the same boxes on every page: not searched
                }
            } else {
                String heading = html.headingContent((Heading) part.heading());
                if (part.level() <= 3) {
                    toc.add(new TocEntry(part.id(), part.level(), heading));
                }
                sections.add(current.build());
                current = new SectionBuilder(part.id(), part.level(), heading, TopicLinkResolver.text(part.heading()).strip(), stale(page, part.id()));
            }
            for (Block block : part.blocks()) {
                switch (block) {
                    case Block.RunSnippet run -> {
                        VerifiedSnippet v = bySnippet.get(run.snippet());
                        if (v != null) {
                            current.snippet(snippetHtml.render(v, page.lang(), page.topicKey(), env, page.header().sysctls()), searchText(v));
                        }
                    }
                    case Block.OutputBlock output -> { } // shown with its snippet's result
                    case Block.Diagram diagram -> {
                        String svg = switch (diagram.kind()) {
                            case TCP_STATES -> StateDiagram.render(
                                    verified.stream().map(VerifiedSnippet::shownOutput).filter(java.util.Objects::nonNull).toList(),
                                    ui.get(page.lang(), UiKey.DIAGRAM_STATES), ui.get(page.lang(), UiKey.DIAGRAM_STATES_OBSERVED));
                        };
                        current.prose(svg, svg, ""); // a drawing, no ids; its labels are the states the text names
                    }
                    case Block.Termbase termbase -> {
                        // the termbase's meanings are Markdown: its table is written as Markdown, parsed once here
                        var table = Markdown.PARSER.parse(termbaseTable(page.lang()));
                        current.prose(html.renderGenerated(table), column.renderGenerated(table), TopicLinkResolver.text(table));
                    }
                    case Block.Prose prose -> {
                        current.prose(html.render(prose.node()), column.render(prose.node()), TopicLinkResolver.text(prose.node()));
                        // a heading without an explicit id (level 1, or 4 and below) is prose, listed by its generated id
                        if (prose.node() instanceof Heading h && h.getLevel() <= 3 && !h.getAnchorRefId().isEmpty()) {
                            toc.add(new TocEntry(h.getAnchorRefId(), h.getLevel(), html.headingContent(h)));
                        }
                    }
                    case Block.DisplayCode code -> current.prose(html.render(code.node()), column.render(code.node()), code.code());
                    case Block.FactsException facts -> { } // a reference definition: renders as nothing
                }
            }
        }
        sections.add(current.build());
        List<Section> nonEmpty = sections.stream().filter(s -> s.id() != null || !s.chunks().isEmpty() || s.stale() != null).toList();
        return new RenderedPage(page.topicKey(), page.lang(), page.header().title(), page.header().summary(),
                page.header().date(), nonEmpty, toc, page.source().path().toString().replace('\\', '/'));
    }

    /** What the search index holds of a snippet: its code and the output shown under it. */
    private static String searchText(VerifiedSnippet v) {
        boolean outputShown = !v.snippet().options().hidden() && !v.snippet().options().silent() && v.shownOutput() != null;
        return v.snippet().code() + (outputShown ? "\n" + v.shownOutput() : "");
    }

    /** The termbase as a Markdown table in the page's language: its term, the other language's, the meaning. */
    private String termbaseTable(Lang lang) {
        Lang other = lang == Lang.ZH ? Lang.EN : Lang.ZH;
        StringBuilder sb = new StringBuilder("| ").append(ui.get(lang, UiKey.TERMS_TERM)).append(" | ")
                .append(ui.get(lang, UiKey.TERMS_OTHER)).append(" | ").append(ui.get(lang, UiKey.TERMS_MEANING)).append(" |\n|---|---|---|\n");
        for (Termbase.Term t : translations.terms()) {
            sb.append("| ").append(cell(t.name(lang))).append(" | ").append(cell(t.name(other))).append(" | ")
                    .append(cell(t.meaning().get(lang) + (t.avoid().isEmpty() ? ""
                            : " " + java.text.MessageFormat.format(ui.get(lang, UiKey.TERMS_AVOID), String.join(" / ", t.avoid()))))).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String markdown) {
        return markdown.replace("\n", " ").replace("|", "\\|");
    }

    /** The notice of a section whose translation is stale in this page's language, or null. */
    private Section.Stale stale(dev.socknotes.content.Page page, String id) {
        return translations.staleIn(page.topicKey(), id, page.lang()).map(s -> {
            Lang lang = page.lang();
            Lang other = lang == Lang.ZH ? Lang.EN : Lang.ZH;
            String up = "../".repeat(1 + (int) page.topicKey().chars().filter(c -> c == '/').count());
            String target = Entities.escape(page.topicKey()) + ".html" + (id.isEmpty() ? "" : "#" + id);
            String text = ui.get(lang, s.state() == TranslationSync.State.BEHIND ? UiKey.TRANSLATION_BEHIND : UiKey.TRANSLATION_BOTH);
            String html = "<p class=\"translation-stale\">" + Entities.escape(text)
                    + " <a href=\"" + up + other.dir() + "/" + target + "\" hreflang=\"" + (other == Lang.ZH ? "zh-Hans" : "en") + "\">"
                    + Entities.escape(ui.get(lang, UiKey.TRANSLATION_OTHER)) + "</a>"
                    + " · <a href=\"" + up + "bilingual/" + target + "\">" + Entities.escape(ui.get(lang, UiKey.TRANSLATION_SIDE_BY_SIDE)) + "</a></p>";
            return new Section.Stale(s.state().jsonName(), html);
        }).orElse(null);
    }

    private static final class SectionBuilder {
        final String id;
        final int level;
        final String heading;
        final String headingText;
        final List<Chunk> chunks = new ArrayList<>();
        final StringBuilder prose = new StringBuilder();
        final StringBuilder proseColumn = new StringBuilder();
        final StringBuilder proseText = new StringBuilder();

        final Section.Stale stale;

        SectionBuilder(String id, int level, String heading, String headingText, Section.Stale stale) {
            this.id = id;
            this.level = level;
            this.heading = heading;
            this.headingText = headingText;
            this.stale = stale;
        }

        /** A block of prose: its HTML, as it stands in the side-by-side view's column, and its text. */
        void prose(String html, String columnHtml, String text) {
            prose.append(html);
            proseColumn.append(columnHtml);
            proseText.append(text.strip()).append('\n');
        }

        void snippet(String html, String text) {
            flushProse();
            chunks.add(Chunk.snippet(html, text));
        }

        void flushProse() {
            if (!prose.toString().isBlank()) {
                chunks.add(Chunk.prose(prose.toString().strip(), proseColumn.toString().strip(), proseText.toString().strip()));
            }
            prose.setLength(0);
            proseColumn.setLength(0);
            proseText.setLength(0);
        }

        Section build() {
            flushProse();
            return new Section(id, level, heading, headingText, chunks, stale);
        }
    }
}
