package dev.socknotes.snippet;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The one flexmark configuration used for every page. Parser and renderer are built once and
 * reused (building one per document is what makes stock JBake's Markdown stage slow).
 */
public final class Markdown {
    public static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AttributesExtension.create(),
                    StrikethroughExtension.create(), FootnoteExtension.create(), AutolinkExtension.create()))
            // Raw HTML in pages is escaped: content is text, and every string on the site is escaped.
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(HtmlRenderer.SOFT_BREAK, "\n")
            .toImmutable().toMutable();

    public static final Parser PARSER = Parser.builder(OPTIONS).build();

    private Markdown() {}
}
