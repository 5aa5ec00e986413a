package dev.socknotes.verify;

import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.ParsedPage;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks that every link to another topic names an existing topic and, if given, an existing anchor. */
public final class LinkChecker {

    /**
     * @param anchorsByTopic for each topic key, the anchors of its page in the same language
     *                       (explicit heading ids and snippet anchors)
     */
    public List<Diagnostic> check(ParsedPage page, Map<String, Set<String>> anchorsByTopic) {
        List<Diagnostic> errors = new ArrayList<>();
        var src = page.page().source();
        for (ParsedPage.TopicLink link : page.links()) {
            Set<String> anchors = anchorsByTopic.get(link.targetTopic());
            if (anchors == null) {
                errors.add(Diagnostic.error(src.path(), link.line(), link.column(), "link to a topic that does not exist: "
                        + link.targetTopic() + ".md (links name the other topic's source file in the same language folder)",
                        src.line(link.line())));
            } else if (link.anchor() != null && !link.anchor().isEmpty() && !anchors.contains(link.anchor())) {
                errors.add(Diagnostic.error(src.path(), link.line(), link.column(), "link to a section that does not exist: "
                        + link.targetTopic() + ".md#" + link.anchor() + " (sections are explicit heading ids {#id}; "
                        + "snippets are snippet-<id>)", src.line(link.line())));
            }
        }
        return errors;
    }
}
