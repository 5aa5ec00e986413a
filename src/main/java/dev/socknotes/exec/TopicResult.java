package dev.socknotes.exec;

import java.time.Duration;
import java.util.List;

/**
 * The results of one topic's snippets, one per {@link SnippetJob}, in the same order, how far its
 * agent was contained (null when nothing ran), and how long they waited in the support library's
 * bounded waits (see {@code support.Waits}).
 */
public record TopicResult(String topic, List<SnippetResult> results, Environment environment, Containment containment,
                          Duration waited, Duration elapsed) {
    public TopicResult {
        results = List.copyOf(results);
    }

    /** A result that took no time here (not run, or from the cache). */
    public TopicResult(String topic, List<SnippetResult> results, Environment environment, Containment containment) {
        this(topic, results, environment, containment, Duration.ZERO, Duration.ZERO);
    }
}
