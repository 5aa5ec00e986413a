package dev.socknotes;

import dev.socknotes.content.Lang;
import dev.socknotes.content.Topic;
import dev.socknotes.snippet.ParsedPage;
import java.util.Map;

/** A topic with both of its pages parsed, as every stage after the content stage sees it. */
record TopicWork(Topic topic, Map<Lang, ParsedPage> parsed) {
    String key() {
        return topic.key();
    }

    ParsedPage en() {
        return parsed.get(Lang.EN);
    }
}
