package dev.socknotes.exec;

import java.util.List;

/** The results of one topic's snippets, one per {@link SnippetJob}, in the same order. */
public record TopicResult(String topic, List<SnippetResult> results, Environment environment) {
    public TopicResult {
        results = List.copyOf(results);
    }
}
