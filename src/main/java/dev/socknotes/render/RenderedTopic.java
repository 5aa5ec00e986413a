package dev.socknotes.render;

import dev.socknotes.content.Lang;
import java.util.Map;

/**
 * A topic in both languages.
 *
 * @param key   topic key
 * @param order position in the reading order (the {@code order} header), ties broken by key
 * @param pages one page per language, both present
 */
public record RenderedTopic(String key, int order, Map<Lang, RenderedPage> pages) {
    public RenderedTopic {
        pages = Map.copyOf(pages);
    }

    public RenderedPage page(Lang lang) {
        return pages.get(lang);
    }
}
