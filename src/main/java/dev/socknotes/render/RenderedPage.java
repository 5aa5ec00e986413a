package dev.socknotes.render;

import dev.socknotes.content.Lang;
import java.time.LocalDate;
import java.util.List;

/**
 * One topic in one language, rendered to HTML and split into alignable sections.
 *
 * @param topic      topic key, also the page's file name without extension ("shutdown")
 * @param lang       its language
 * @param title      plain text (not escaped)
 * @param summary    plain text, may be empty
 * @param date       the page's date header
 * @param sections   the body
 * @param toc        every heading with an id, in order, for the table of contents
 * @param sourcePath path of the Markdown source relative to the project root ("content/en/shutdown.md")
 */
public record RenderedPage(String topic, Lang lang, String title, String summary, LocalDate date,
                           List<Section> sections, List<TocEntry> toc, String sourcePath) {
    public RenderedPage {
        sections = List.copyOf(sections);
        toc = List.copyOf(toc);
    }

    /** The whole body as one HTML string (single-language view). */
    public String bodyHtml() {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            if (s.stale() != null) {
                sb.append(Section.staleSectionStart(s.stale(), ""));
            }
            if (s.id() != null) {
                sb.append("<h").append(s.level()).append(" id=\"").append(s.id()).append("\">")
                        .append(s.headingHtml()).append("</h").append(s.level()).append(">\n");
            }
            if (s.stale() != null) {
                sb.append(s.stale().noticeHtml()).append('\n');
            }
            for (Chunk c : s.chunks()) {
                sb.append(c.html()).append('\n');
            }
            if (s.stale() != null) {
                sb.append("</section>\n");
            }
        }
        return sb.toString();
    }
}
