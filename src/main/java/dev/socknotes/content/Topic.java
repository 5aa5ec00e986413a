package dev.socknotes.content;

import java.util.Map;

/** A topic: the zh and en pages that translate each other. */
public record Topic(String key, Map<Lang, Page> pages) {
    public Topic {
        pages = Map.copyOf(pages);
    }

    public Page page(Lang lang) {
        return pages.get(lang);
    }

    public int order() {
        return pages.get(Lang.EN).header().order();
    }
}
