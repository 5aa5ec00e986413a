package dev.socknotes.site;

import dev.socknotes.render.Chunk;
import dev.socknotes.render.RenderedPage;
import dev.socknotes.render.Section;
import java.util.List;

/**
 * The side-by-side view: sections line up by their shared heading ids and, inside a section, prose
 * chunk by prose chunk; a snippet (byte-identical in both languages, one result) spans both
 * columns once. The 中文 column shows each chunk's {@link Chunk#columnHtml()}, whose ids the renderer
 * prefixed with {@code zh-}, so that every id stays unique and the English ids, which links use, keep working.
 */
final class SideBySide {
    private SideBySide() {}

    static String render(RenderedPage zh, RenderedPage en) {
        StringBuilder sb = new StringBuilder("<div class=\"bilingual\">\n");
        List<Section> zs = zh.sections();
        List<Section> es = en.sections();
        for (int i = 0; i < Math.max(zs.size(), es.size()); i++) {
            Section z = i < zs.size() ? zs.get(i) : null;
            Section e = i < es.size() ? es.get(i) : null;
            boolean headed = (z != null && z.id() != null) || (e != null && e.id() != null);
            Section.Stale stale = z != null && z.stale() != null ? z.stale() : e != null ? e.stale() : null;
            // the lead text before the first heading is no section, unless its translation is stale
            String tag = headed || stale != null ? "section" : "div";
            String attributes = " class=\"pair\"" + (e != null && e.id() != null ? " id=\"" + e.id() + "\"" : "");
            sb.append(stale != null ? Section.staleSectionStart(stale, attributes) : "<" + tag + attributes + ">\n");
            if (headed) {
                sb.append("<div class=\"pair-row pair-heading\">")
                        .append(column("zh-Hans", z == null ? "" : heading(z)))
                        .append(column("en", e == null ? "" : heading(e)))
                        .append("</div>\n");
            }
            if (stale != null) {
                sb.append("<div class=\"pair-row\">")
                        .append(column("zh-Hans", z == null || z.stale() == null ? "" : z.stale().noticeHtml()))
                        .append(column("en", e == null || e.stale() == null ? "" : e.stale().noticeHtml()))
                        .append("</div>\n");
            }
            List<Chunk> zc = z == null ? List.of() : z.chunks();
            List<Chunk> ec = e == null ? List.of() : e.chunks();
            int zi = 0;
            int ei = 0;
            while (zi < zc.size() || ei < ec.size()) {
                Chunk a = zi < zc.size() ? zc.get(zi) : null;
                Chunk b = ei < ec.size() ? ec.get(ei) : null;
                if (b != null && b.kind() == Chunk.Kind.SNIPPET && (a == null || a.kind() == Chunk.Kind.SNIPPET)) {
                    sb.append("<div class=\"pair-row pair-snippet\" lang=\"en\">").append(b.html()).append("</div>\n");
                    zi++;
                    ei++;
                    continue;
                }
                String left = a != null && a.kind() == Chunk.Kind.PROSE ? a.columnHtml() : "";
                String right = b != null && b.kind() == Chunk.Kind.PROSE ? b.html() : "";
                if (a != null && a.kind() == Chunk.Kind.PROSE) {
                    zi++;
                }
                if (b != null && b.kind() == Chunk.Kind.PROSE) {
                    ei++;
                }
                sb.append("<div class=\"pair-row\">").append(column("zh-Hans", left)).append(column("en", right))
                        .append("</div>\n");
            }
            sb.append("</").append(tag).append(">\n");
        }
        return sb.append("</div>\n").toString();
    }

    private static String heading(Section s) {
        return "<h" + s.level() + " class=\"pair-title\">" + s.headingHtml() + "</h" + s.level() + ">";
    }

    private static String column(String lang, String html) {
        return "<div class=\"col\" lang=\"" + lang + "\">" + html + "</div>";
    }
}
